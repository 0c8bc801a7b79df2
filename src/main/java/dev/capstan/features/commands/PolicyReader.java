package dev.capstan.features.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.command.Grant;
import dev.capstan.command.Role;
import dev.capstan.command.SlackIds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads a command's {@code policy}: role, users (ids or e-mail addresses), channels, conditions on argument values, confirm_when and concurrency. */
final class PolicyReader {
    private static final List<String> KEYS = List.of("role", "users", "channels", "conditions", "confirm_when", "concurrency");
    private static final List<String> RULE_KEYS = List.of("when", "role", "users");

    private final DeclarationPass reading;

    PolicyReader(DeclarationPass reading) {
        this.reading = reading;
    }

    CommandPolicy read(JsonNode command, String pointer, Set<String> arguments, DeclarationPass.Scope scope) {
        JsonNode node = command.path("policy");
        String at = pointer + "/policy";
        if (node.isMissingNode() || node.isNull()) return CommandPolicy.open();
        if (!node.isObject()) {
            reading.problem(at, "`policy` is a map with role, users, channels, conditions, confirm_when, concurrency");
            return CommandPolicy.open();
        }
        reading.onlyKeys(node, at, "A policy", KEYS);
        List<CommandPolicy.Rule> rules = new ArrayList<>();
        JsonNode conditions = node.path("conditions");
        if (conditions.isArray()) {
            for (int i = 0; i < conditions.size(); i++) {
                String ruleAt = at + "/conditions/" + i;
                JsonNode rule = conditions.get(i);
                reading.onlyKeys(rule, ruleAt, "A condition", RULE_KEYS);
                Condition when = reading.condition(reading.text(rule, "when", ruleAt, true), ruleAt + "/when", arguments);
                Role role = role(rule, ruleAt);
                Set<String> users = ids(rule, "users", ruleAt, true);
                if (role == null && reading.texts(rule, "users", ruleAt).isEmpty()) reading.problem(ruleAt, "a condition names the `role` or `users` it requires");
                if (when != null) rules.add(new CommandPolicy.Rule(when, grant(role, users)));
            }
        } else if (!conditions.isMissingNode()) {
            reading.problem(at + "/conditions", "`conditions` is a list of { when, role, users }");
        }
        Condition confirm = reading.condition(reading.text(node, "confirm_when", at, false), at + "/confirm_when", arguments);
        Template concurrency = reading.template(reading.text(node, "concurrency", at, false), at + "/concurrency", scope.withoutSecrets());
        return new CommandPolicy(grant(role(node, at), ids(node, "users", at, true)), ids(node, "channels", at, false), rules, confirm, concurrency);
    }

    /** Users in id order, as refusals list them. */
    private static Grant grant(Role role, Set<String> users) {
        return Grant.of(role, users.stream().sorted().toList());
    }

    private Role role(JsonNode node, String at) {
        String text = reading.text(node, "role", at, false);
        if (text == null) return null;
        Role role = Role.parse(text).orElse(null);
        if (role == null) reading.problem(at + "/role", "role `" + text + "` is not one of member, team_lead, admin");
        return role;
    }

    private Set<String> ids(JsonNode node, String key, String at, boolean users) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : reading.texts(node, key, at)) {
            if (users && SlackEmails.isAddress(id)) {
                SlackEmails.Found found = reading.emails().lookUp(id);
                if (found.userId() != null) ids.add(found.userId());
                else reading.problem(at + "/" + key, found.problem());
            } else if (users ? SlackIds.isUser(id) : SlackIds.isChannel(id)) {
                ids.add(id);
            } else {
                reading.problem(at + "/" + key, "`" + id + "` is not a Slack " + (users ? "user id (U… or W…) or e-mail address" : "channel id (C…)")
                        + ": people and channels are named by id, which never changes");
            }
        }
        return ids;
    }
}
