package dev.capstan.features.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads a command's {@code args} (positional, in order) and {@code options} ({@code --name}), with their types and limits. */
final class ParameterReader {
    static final Set<String> RESERVED = Set.of("help", "h", "dry-run", "command");
    private static final List<String> KEYS = List.of("name", "type", "values", "pattern", "min", "max", "default", "required",
            "required_when", "description");
    private static final Map<String, Parameter.ValueType> TYPES = Map.ofEntries(Map.entry("string", Parameter.ValueType.STRING),
            Map.entry("integer", Parameter.ValueType.INTEGER), Map.entry("int", Parameter.ValueType.INTEGER), Map.entry("enum", Parameter.ValueType.ENUM),
            Map.entry("boolean", Parameter.ValueType.BOOLEAN), Map.entry("flag", Parameter.ValueType.BOOLEAN), Map.entry("date", Parameter.ValueType.DATE),
            Map.entry("user", Parameter.ValueType.USER), Map.entry("channel", Parameter.ValueType.CHANNEL));
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    private final DeclarationPass reading;
    private final Clock clock;

    ParameterReader(DeclarationPass reading, Clock clock) {
        this.reading = reading;
        this.clock = clock;
    }

    /** The command's parameters; {@code required_when} conditions are read once every name is known. */
    List<Parameter> read(JsonNode command, String pointer) {
        List<Parameter> all = new ArrayList<>();
        List<JsonNode> nodes = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        for (String key : List.of("args", "options")) {
            JsonNode list = command.path(key);
            if (list.isMissingNode() || list.isNull()) continue;
            if (!list.isArray()) {
                reading.problem(pointer + "/" + key, "`" + key + "` must be a list of { name, type, … }");
                continue;
            }
            for (int i = 0; i < list.size(); i++) {
                String at = pointer + "/" + key + "/" + i;
                Parameter parameter = parameter(list.get(i), at, key.equals("args"));
                if (parameter == null) continue;
                if (all.stream().anyMatch(p -> p.name().equals(parameter.name()))) {
                    reading.problem(at, "a second argument named `" + parameter.name() + "`");
                    continue;
                }
                all.add(parameter);
                nodes.add(list.get(i));
                pointers.add(at);
            }
        }
        Set<String> names = new LinkedHashSet<>();
        all.forEach(p -> names.add(p.name()));
        List<Parameter> complete = new ArrayList<>();
        boolean optionalSeen = false;
        for (int i = 0; i < all.size(); i++) {
            Parameter p = all.get(i);
            Condition when = reading.condition(reading.text(nodes.get(i), "required_when", pointers.get(i), false),
                    pointers.get(i) + "/required_when", names);
            boolean required = p.required() && when == null;
            if (p.positional() && required && optionalSeen) {
                reading.problem(pointers.get(i), "the required argument `" + p.name() + "` can't follow an optional one");
            }
            optionalSeen |= p.positional() && !required;
            complete.add(new Parameter(p.name(), p.kind(), p.positional(), p.values(), p.pattern(), p.min(), p.max(),
                    p.defaultValue(), required, when, p.description()));
        }
        return complete;
    }

    private Parameter parameter(JsonNode node, String at, boolean positional) {
        if (!node.isObject()) {
            reading.problem(at, "an argument is a map like { name: service, type: string }");
            return null;
        }
        reading.onlyKeys(node, at, "An argument", KEYS);
        String name = reading.text(node, "name", at, true);
        String typeName = reading.text(node, "type", at, true);
        if (name == null || typeName == null) return null;
        if (!NAME.matcher(name).matches() || RESERVED.contains(name)) {
            reading.problem(at + "/name", "`" + name + "` can't name an argument: use lower-case letters, digits, '-' and '_'"
                    + (RESERVED.contains(name) ? " (and not " + String.join(", ", RESERVED) + ")" : ""));
            return null;
        }
        Parameter.ValueType kind = TYPES.get(typeName.toLowerCase(Locale.ROOT));
        if (kind == null) {
            reading.problem(at + "/type", "`" + typeName + "` is no type: use string, integer, enum, boolean, date, user or channel");
            return null;
        }
        if (kind == Parameter.ValueType.BOOLEAN && positional) {
            reading.problem(at + "/type", "a boolean is a flag: declare `" + name + "` under options");
            return null;
        }
        List<String> values = reading.texts(node, "values", at);
        if (kind == Parameter.ValueType.ENUM && values.isEmpty()) reading.problem(at, "an enum needs `values`, like [staging, production]");
        if (kind != Parameter.ValueType.ENUM && !values.isEmpty()) reading.problem(at + "/values", "only an enum takes `values`");
        Pattern pattern = pattern(node, at, kind);
        Long min = number(node, "min", at, kind);
        Long max = number(node, "max", at, kind);
        String fallback = reading.text(node, "default", at, false);
        String required = reading.text(node, "required", at, false);
        boolean isRequired = required != null ? Boolean.parseBoolean(required) : positional && fallback == null;
        Parameter parameter = new Parameter(name, kind, positional, values, pattern, min, max, fallback, isRequired, null,
                reading.text(node, "description", at, false));
        if (kind == Parameter.ValueType.BOOLEAN && fallback == null) {
            parameter = new Parameter(name, kind, false, values, null, null, null, "false", false, null, parameter.description());
        }
        if (fallback != null) {
            TypedValue.problemWith(parameter, fallback, clock).ifPresent(p -> reading.problem(at + "/default", "the default is invalid: " + p));
        }
        return parameter;
    }

    private Pattern pattern(JsonNode node, String at, Parameter.ValueType kind) {
        String text = reading.text(node, "pattern", at, false);
        if (text == null) return null;
        if (kind != Parameter.ValueType.STRING) {
            reading.problem(at + "/pattern", "only a string takes a `pattern`");
            return null;
        }
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            reading.problem(at + "/pattern", "not a regular expression: " + e.getDescription());
            return null;
        }
    }

    private Long number(JsonNode node, String key, String at, Parameter.ValueType kind) {
        JsonNode value = node.path(key);
        if (value.isMissingNode()) return null;
        if (kind != Parameter.ValueType.STRING && kind != Parameter.ValueType.INTEGER) {
            reading.problem(at + "/" + key, "only a string (its length) or an integer takes `" + key + "`");
            return null;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            reading.problem(at + "/" + key, "`" + key + "` must be a whole number");
            return null;
        }
        return value.asLong();
    }
}
