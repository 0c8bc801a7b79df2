package dev.capstan.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The optional YAML file (CAPSTAN_CONFIG): aliases, access rules, per-family settings, signed webhook sources, retention,
 * the job workers' heartbeat and declared commands. {@code commands} is only accepted here: the family that runs declared commands reads the file
 * itself (see {@code FeatureContext.configFile()}), because it reports problems by line and reloads the file.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ConfigFile(
        Map<String, String> aliases,
        List<Rule> access,
        Map<String, JsonNode> families,
        Map<String, Hook> hooks,
        Retention retention,
        Jobs jobs,
        JsonNode commands) {

    public ConfigFile {
        aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
        access = access == null ? List.of() : List.copyOf(access);
        families = families == null ? Map.of() : Map.copyOf(families);
        hooks = hooks == null ? Map.of() : new java.util.LinkedHashMap<>(hooks);
    }

    public static ConfigFile empty() {
        return new ConfigFile(null, null, null, null, null, null, null);
    }

    /** {@code retention:} how long each kind of record is kept, as durations like "30d"; unset keys keep their default. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Retention(
            String deliveries,
            @JsonProperty("job_keys") String jobKeys,
            @JsonProperty("sent_messages") String sentMessages,
            String audit,
            String schedule) {
    }

    /** {@code jobs:} how soon a replica that stopped is taken for dead and its jobs run on the others. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Jobs(String heartbeat) {
    }

    /** A signed webhook source ({@code POST /hooks/{name}}) and the environment variable holding its secret. */
    public record Hook(@JsonProperty("secret_env") String secretEnv) {
    }

    /** One access rule as written in YAML. */
    public record Rule(
            String command,
            String role,
            @JsonProperty("allow_users") List<String> allowUsers,
            @JsonProperty("deny_users") List<String> denyUsers,
            @JsonProperty("allow_channels") List<String> allowChannels,
            @JsonProperty("deny_channels") List<String> denyChannels) {
    }
}
