package dev.capstan.jobs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What db-scheduler stores for every job: the family's data plus the attempt count, which survives a failure being
 * handled by Capstan rather than by db-scheduler, and the run number, which grows each time a job asks to run again
 * (polling) so that each run's sends are keyed apart. Rows written before the envelope existed hold the bare data.
 */
record JobEnvelope(int attempt, Instant firstEnqueuedAt, JsonNode data, int run) {
    @JsonCreator
    static JobEnvelope read(JsonNode node) {
        if (node == null || !node.has("data") || !node.has("attempt")) return new JobEnvelope(1, null, node, 1);
        JsonNode at = node.get("firstEnqueuedAt");
        Instant first = at == null || !at.isTextual() ? null : Instant.parse(at.asText());
        return new JobEnvelope(node.get("attempt").asInt(1), first, node.get("data"), node.path("run").asInt(1));
    }
}
