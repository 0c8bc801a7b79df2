package dev.capstan.features.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The values templates read: the arguments by name, {@code caller.user}, {@code caller.channel}, {@code command},
 * {@code env.X}, and once there is a result {@code job.*} and {@code response.status|body|json.a.b}.
 */
final class Variables implements UrlTemplate.Values {
    private final Map<String, String> values;
    private final Function<String, String> environment;
    private final Function<String, String> secrets;
    private final JsonNode responseJson;

    private Variables(Map<String, String> values, Function<String, String> environment, Function<String, String> secrets,
                      JsonNode responseJson) {
        this.values = values;
        this.environment = environment;
        this.secrets = secrets;
        this.responseJson = responseJson;
    }

    static Variables of(String command, Map<String, String> arguments, String userId, String channelId,
                        Function<String, String> environment, Function<String, String> secrets) {
        Map<String, String> values = new LinkedHashMap<>(arguments);
        values.put("caller.user", userId);
        values.put("caller.channel", channelId);
        values.put("command", command);
        return new Variables(values, environment, secrets, null);
    }

    /** The same values plus {@code job.*} or {@code response.*} ones; {@code json} answers {@code response.json.*}. */
    Variables with(Map<String, String> more, JsonNode json) {
        Map<String, String> all = new LinkedHashMap<>(values);
        all.putAll(more);
        return new Variables(all, environment, secrets, json);
    }

    @Override
    public String variable(String name) {
        if (name.startsWith("env.")) return environment.apply(name.substring(4));
        if (name.startsWith("response.json.") && responseJson != null) {
            JsonNode node = responseJson;
            for (String step : name.substring("response.json.".length()).split("\\.")) {
                node = node.isArray() && step.matches("\\d+") ? node.path(Integer.parseInt(step)) : node.path(step);
            }
            return node.isMissingNode() || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
        }
        return values.get(name);
    }

    @Override
    public String secret(String name) {
        return secrets.apply(name);
    }

    /** The values conditions and concurrency keys read: the arguments. */
    Map<String, String> all() {
        return values;
    }
}
