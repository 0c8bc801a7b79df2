package dev.capstan.features.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.command.UserError;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Renders an HTTP action into a request: the URL by {@link UrlTemplate}, query pairs and form fields percent-encoded,
 * a JSON body built as a tree (a leaf that is one typed argument keeps its type), headers refused when a value would
 * add a line. The method and the declared parts never depend on a value.
 */
final class HttpRequests {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HttpRequests() {
    }

    static OutboundRequest render(Declaration declaration, Action.Http http, UrlTemplate.Values values) {
        URI uri = http.url().render(values);
        if (!http.query().isEmpty()) {
            String pairs = http.query().entrySet().stream()
                    .map(e -> Encoding.component(e.getKey()) + "=" + render(e.getValue(), values, Encoding::component))
                    .collect(Collectors.joining("&"));
            uri = UrlTemplate.parse(uri + (uri.getRawQuery() == null ? "?" : "&") + pairs);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, Template> header : http.headers().entrySet()) {
            String value = render(header.getValue(), values, UnaryOperator.identity());
            if (value.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
                throw new UserError("The " + header.getKey() + " header can't hold a line break or a control character.");
            }
            headers.put(header.getKey(), value);
        }
        String body = null;
        if (http.json() != null) {
            headers.putIfAbsent("Content-Type", "application/json");
            body = json(declaration, http.json(), values).toString();
        } else if (http.form() != null) {
            headers.putIfAbsent("Content-Type", "application/x-www-form-urlencoded");
            body = form(http.form(), values);
        }
        return new OutboundRequest(http.method(), uri, headers, body);
    }

    /** Form fields, each name and value percent-encoded. */
    static String form(Map<String, Template> fields, UrlTemplate.Values values) {
        return fields.entrySet().stream()
                .map(e -> Encoding.component(e.getKey()) + "=" + Encoding.component(render(e.getValue(), values, UnaryOperator.identity())))
                .collect(Collectors.joining("&"));
    }

    static String render(Template template, UrlTemplate.Values values, UnaryOperator<String> encode) {
        return template.render(values::variable, values::secret, encode);
    }

    private static JsonNode json(Declaration declaration, JsonNode node, UrlTemplate.Values values) {
        if (node.isObject()) {
            ObjectNode object = NODES.objectNode();
            node.fields().forEachRemaining(e -> object.set(e.getKey(), json(declaration, e.getValue(), values)));
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = NODES.arrayNode();
            node.forEach(item -> array.add(json(declaration, item, values)));
            return array;
        }
        if (!node.isTextual()) return node;
        Template template = Template.parse(node.asText());
        String text = render(template, values, UnaryOperator.identity());
        if (template.isSingleVariable()) {
            String name = ((Template.Variable) template.parts().get(0)).name();
            Optional<Parameter> typed = declaration.parameter(name);
            if (typed.isPresent() && values.variable(name) == null) return NODES.nullNode();
            if (typed.isPresent() && typed.get().kind() == Parameter.ValueType.INTEGER) return NODES.numberNode(Long.parseLong(text));
            if (typed.isPresent() && typed.get().kind() == Parameter.ValueType.BOOLEAN) return NODES.booleanNode(Boolean.parseBoolean(text));
        }
        return NODES.textNode(text);
    }

    /** The declared JSON body's string leaves, for checks at load. */
    static List<String> leaves(JsonNode node) {
        if (node == null) return List.of();
        if (node.isTextual()) return List.of(node.asText());
        List<String> all = new java.util.ArrayList<>();
        node.elements().forEachRemaining(child -> all.addAll(leaves(child)));
        return all;
    }
}
