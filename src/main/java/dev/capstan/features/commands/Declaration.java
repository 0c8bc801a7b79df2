package dev.capstan.features.commands;

import java.util.List;
import java.util.Optional;

/** One command as declared under {@code commands:}, checked: its arguments, policy, action and reply templates. */
record Declaration(String name, String description, List<Parameter> parameters, CommandPolicy policy, Action action, Replies replies,
                   String where) {
    Declaration {
        parameters = List.copyOf(parameters);
    }

    Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Reply templates: the ack shown at once, and the result once the action finished. */
    record Replies(Template ack, Template result) { }
}
