package dev.capstan.jobs;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;

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

    JsonNode tree(Object data) {
        return json.valueToTree(data);
    }

    <T> T read(JsonNode data, Class<T> type) throws Exception {
        return json.treeToValue(data, type);
    }
}
