package dev.capstan.features.commands;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** A YAML text read into a tree together with the line of every value, so that each problem names its file and line. */
record YamlSource(String file, JsonNode root, Map<String, Integer> lines) {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Reads {@code text}; throws IOException with the line when it is no YAML at all. */
    static YamlSource parse(String file, String text) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(text)) {
            JsonNode root = parser.nextToken() == null ? NODES.objectNode() : read(parser, "", lines);
            return new YamlSource(file, root, Map.copyOf(lines));
        }
    }

    /** "commands.yaml:12" for the value at a JSON pointer, or at its nearest parent the reader saw. */
    String at(String pointer) {
        String path = pointer;
        while (true) {
            Integer line = lines.get(path);
            if (line != null) return file + ":" + line;
            if (path.isEmpty()) return file;
            path = path.substring(0, path.lastIndexOf('/'));
        }
    }

    private static JsonNode read(JsonParser parser, String pointer, Map<String, Integer> lines) throws IOException {
        lines.put(pointer, parser.currentTokenLocation().getLineNr());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, read(parser, pointer + "/" + name.replace("~", "~0").replace("/", "~1"), lines));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) array.add(read(parser, pointer + "/" + array.size(), lines));
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(parser.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            default -> {
                return NODES.nullNode();
            }
        }
    }
}
