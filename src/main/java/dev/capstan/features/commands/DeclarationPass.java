package dev.capstan.features.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.command.DidYouMean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One pass over the declaration file: typed reads of its values that collect every problem with file and line instead
 * of stopping at the first, and the checks each template gets (known variables, set environment variables and secrets).
 */
final class DeclarationPass {
    /** What a template may name: exact variables, variables under a prefix ("response.json."), and whether secrets. */
    record Scope(Set<String> names, Set<String> prefixes, boolean secrets) {
        boolean allows(String variable) {
            return names.contains(variable) || prefixes.stream().anyMatch(p -> variable.startsWith(p) && variable.length() > p.length());
        }

        Scope plus(Set<String> moreNames, Set<String> morePrefixes) {
            return new Scope(union(names, moreNames), union(prefixes, morePrefixes), secrets);
        }

        Scope withoutSecrets() {
            return new Scope(names, prefixes, false);
        }

        private static Set<String> union(Set<String> a, Set<String> b) {
            Set<String> all = new java.util.LinkedHashSet<>(a);
            all.addAll(b);
            return all;
        }
    }

    private final YamlSource source;
    private final Function<String, String> environment;
    private final Secrets secrets;
    private final SlackEmails emails;
    private final List<String> problems = new ArrayList<>();

    DeclarationPass(YamlSource source, Function<String, String> environment, Secrets secrets) {
        this(source, environment, secrets, new SlackEmails(null));
    }

    DeclarationPass(YamlSource source, Function<String, String> environment, Secrets secrets, SlackEmails emails) {
        this.source = source;
        this.environment = environment;
        this.secrets = secrets;
        this.emails = emails;
    }

    /** Looks up the e-mail addresses a policy names people by. */
    SlackEmails emails() {
        return emails;
    }

    List<String> problems() {
        return problems;
    }

    Function<String, String> environment() {
        return environment;
    }

    void problem(String pointer, String reason) {
        problems.add(source.at(pointer) + ": " + reason);
    }

    String line(String pointer) {
        return source.at(pointer);
    }

    /** Reports keys the node should not have, with a suggestion for a typo. */
    void onlyKeys(JsonNode node, String pointer, String what, List<String> known) {
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                problem(pointer + "/" + key, what + " has no `" + key + "`." + DidYouMean.sentence(key, known)
                        + " It takes " + String.join(", ", known) + ".");
            }
        });
    }

    /** A scalar as text; null (and a problem when {@code required}) when absent or not a scalar. */
    String text(JsonNode node, String key, String pointer, boolean required) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            if (required) problem(pointer, "`" + key + "` is required");
            return null;
        }
        if (!value.isValueNode()) {
            problem(pointer + "/" + key, "`" + key + "` must be a single value");
            return null;
        }
        return value.asText();
    }

    List<String> texts(JsonNode node, String key, String pointer) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) return List.of();
        if (!value.isArray()) {
            problem(pointer + "/" + key, "`" + key + "` must be a list, like [a, b]");
            return List.of();
        }
        List<String> all = new ArrayList<>();
        value.forEach(item -> all.add(item.asText()));
        return all;
    }

    Map<String, String> textMap(JsonNode node, String key, String pointer) {
        JsonNode value = node.path(key);
        Map<String, String> all = new LinkedHashMap<>();
        if (value.isMissingNode() || value.isNull()) return all;
        if (!value.isObject()) {
            problem(pointer + "/" + key, "`" + key + "` must be a map of names to values");
            return all;
        }
        value.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode()) all.put(e.getKey(), e.getValue().asText());
            else problem(pointer + "/" + key + "/" + e.getKey(), "`" + e.getKey() + "` must be a single value");
        });
        return all;
    }

    /** Parses a template and checks every name in it against {@code scope}; null after a problem. */
    Template template(String text, String pointer, Scope scope) {
        if (text == null) return null;
        Template template;
        try {
            template = Template.parse(text);
        } catch (IllegalArgumentException e) {
            problem(pointer, e.getMessage());
            return null;
        }
        boolean fine = true;
        for (String name : template.variables()) {
            if (name.startsWith("env.")) {
                if (environment.apply(name.substring(4)) == null) {
                    problem(pointer, "`{{" + name + "}}` names the environment variable " + name.substring(4) + ", which is not set");
                    fine = false;
                }
            } else if (!scope.allows(name)) {
                problem(pointer, "`{{" + name + "}}` names no variable here." + DidYouMean.sentence(name, List.copyOf(scope.names()))
                        + " Known: " + String.join(", ", scope.names()) + (scope.prefixes().isEmpty() ? "" : ", "
                        + String.join(", ", scope.prefixes().stream().map(p -> p + "…").toList())) + ", env.…");
                fine = false;
            }
        }
        for (String secret : template.secrets()) {
            if (!scope.secrets()) {
                problem(pointer, "a secret can't be used here (${secret:" + secret + "}): replies and keys are shown to people");
                fine = false;
            } else if (!secrets.isSet(secret)) {
                problem(pointer, "the secret " + secret + " is not set (set " + secret + " or " + secret + "_FILE)");
                fine = false;
            }
        }
        return fine ? template : null;
    }

    /** A condition whose names must all be arguments of the command. */
    Condition condition(String text, String pointer, Set<String> arguments) {
        if (text == null) return null;
        try {
            Condition condition = Condition.parse(text);
            for (String name : condition.names()) {
                if (!arguments.contains(name)) {
                    problem(pointer, "`" + text + "` names `" + name + "`, which is no argument of this command."
                            + DidYouMean.sentence(name, List.copyOf(arguments)));
                    return null;
                }
            }
            return condition;
        } catch (IllegalArgumentException e) {
            problem(pointer, "not a condition: " + e.getMessage());
            return null;
        }
    }
}
