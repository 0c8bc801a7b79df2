package dev.capstan.jobs;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import java.time.Instant;

/** How a job's data becomes the bytes db-scheduler stores and back: one JSON dialect for every job type. */
final class JobJson {
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final JacksonSerializer serializer = new JacksonSerializer(mapper -> mapper.registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));

    /** The serializer both schedulers read and write their rows with. */
    JacksonSerializer serializer() {
        return serializer;
    }

    byte[] bytes(JobEnvelope envelope) {
        return serializer.serialize(envelope);
    }

    /**
     * The bytes of an envelope around data not yet turned into a tree: written in one pass, where building the tree
     * first cost a slow command's ack a quarter of its enqueue (docs/benchmarks.md).
     */
    byte[] bytes(int attempt, Instant firstEnqueuedAt, Object data, int run) {
        return serializer.serialize(new Written(attempt, firstEnqueuedAt, data, run));
    }

    /** What {@link JobEnvelope} reads, with the data as the object it is. */
    private record Written(int attempt, Instant firstEnqueuedAt, Object data, int run) { }

    JsonNode tree(Object data) {
        return json.valueToTree(data);
    }

    <T> T read(JsonNode data, Class<T> type) throws Exception {
        return json.treeToValue(data, type);
    }
}
