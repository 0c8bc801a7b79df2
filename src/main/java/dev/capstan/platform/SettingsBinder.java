package dev.capstan.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.capstan.command.DidYouMean;
import dev.capstan.command.SlackChannelId;
import dev.capstan.command.SlackUserId;
import dev.capstan.http.HttpUrl;
import dev.capstan.jobs.Cron;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds a section of the YAML file to a family's settings record with Jackson: keys in snake_case, unknown keys,
 * wrong types and invalid values (a cron, a zone, a URL: whatever the record's constructor refuses) reported with
 * the key's path and, for a misspelt key, the closest valid name.
 */
public final class SettingsBinder {
    /** A record's own check that names its key first ("hours_per_day must be …") is moved into the path. */
    private static final Pattern LEADING_KEY = Pattern.compile("([a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z]+) (must .*|is .*)", Pattern.DOTALL);

    private final ObjectMapper mapper;

    public SettingsBinder() {
        SimpleModule durations = new SimpleModule()
                .addDeserializer(Duration.class, text(Durations::parse))
                .addDeserializer(SlackUserId.class, text(SlackUserId::new))
                .addDeserializer(SlackChannelId.class, text(SlackChannelId::new))
                .addDeserializer(HttpUrl.class, text(HttpUrl::parse))
                .addDeserializer(Cron.class, text(Cron::new))
                .addDeserializer(ZoneId.class, text(SettingsBinder::zone));
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule()).addModule(durations)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
    }

    /** A value type read from one text: its constructor's refusal becomes the problem, with the key's path. */
    private static <T> JsonDeserializer<T> text(Function<String, T> reader) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (!parser.currentToken().isScalarValue()) throw new IllegalArgumentException("expected a text");
                return reader.apply(parser.getValueAsString());
            }
        };
    }

    private static ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException notAZone) {
            throw new IllegalArgumentException("`" + name + "` is not an IANA time zone like Europe/Stockholm");
        }
    }

    /** The bound settings, or empty with the problems added (each prefixed with {@code path}, e.g. "families.deploy"). */
    public <S> Optional<S> bind(String path, JsonNode section, Class<S> type, List<String> problems) {
        JsonNode node = section == null || section.isMissingNode() || section.isNull() ? JsonNodeFactory.instance.objectNode() : section;
        try {
            return Optional.of(mapper.treeToValue(node, type));
        } catch (JsonMappingException e) {
            problems.add(describe(path, e));
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            problems.add(path + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    static String describe(String prefix, JsonMappingException e) {
        String where = prefix + path(e.getPath());
        if (e instanceof UnrecognizedPropertyException unknown) {
            where = prefix + path(e.getPath().subList(0, Math.max(0, e.getPath().size() - 1)));
            List<String> known = new ArrayList<>();
            unknown.getKnownPropertyIds().forEach(id -> known.add(id.toString()));
            known.sort(String::compareTo);
            String name = unknown.getPropertyName();
            String suggestion = DidYouMean.sentence(name, known);
            return where + ": unknown key `" + name + "`." + (suggestion.isEmpty()
                    ? " Known keys: " + String.join(", ", known) + "." : suggestion);
        }
        Throwable cause = e.getCause();
        while (cause != null && cause.getCause() != null && cause.getCause() != cause
                && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        if (e instanceof ValueInstantiationException || cause instanceof IllegalArgumentException) {
            String message = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getOriginalMessage();
            Matcher key = LEADING_KEY.matcher(message);
            if (e instanceof ValueInstantiationException && key.matches()) return where + "." + key.group(1) + ": " + key.group(2);
            return where + ": " + message;
        }
        if (e instanceof InvalidFormatException format) {
            return where + ": `" + format.getValue() + "` is not " + article(format.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return where + ": expected " + article(mismatched.getTargetType());
        }
        return where + ": " + e.getOriginalMessage().split("\n")[0];
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) path.append('.').append(reference.getFieldName());
            else if (reference.getIndex() >= 0) path.append('[').append(reference.getIndex()).append(']');
        }
        return path.toString();
    }

    private static String article(Class<?> type) {
        if (type == null) return "a valid value";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "a whole number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == Duration.class) return "a duration like 90s, 20m or 64h";
        if (type == String.class) return "a text";
        if (List.class.isAssignableFrom(type)) return "a list";
        if (java.util.Map.class.isAssignableFrom(type)) return "a mapping of keys to values";
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) names.add(constant.toString().toLowerCase(java.util.Locale.ROOT));
            return "one of " + String.join(", ", names);
        }
        return "a valid " + type.getSimpleName();
    }
}
