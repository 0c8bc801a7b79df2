package dev.capstan.command;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides who may run what, where. Denials from any matching rule win; then a channel restriction; then an
 * explicit user allowance; then the role from the most specific rule that names one, else the command's own.
 * A command without a declaration and without a rule granting it is denied.
 */
public final class AccessPolicy {
    private final List<AccessRule> rules;

    public AccessPolicy(List<AccessRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<AccessRule> rules() {
        return rules;
    }

    public AccessDecision decide(Caller caller, String fullName, CommandInfo info) {
        List<AccessRule> matching = rules.stream()
                .filter(r -> r.specificity(fullName) >= 0)
                .sorted(Comparator.comparingInt((AccessRule r) -> r.specificity(fullName)).reversed())
                .toList();
        for (AccessRule rule : matching) {
            if (rule.denyUsers().contains(caller.userId())) {
                return AccessDecision.deny("the access rule for `" + rule.command() + "` denies you");
            }
            if (rule.denyChannels().contains(caller.channelId())) {
                return AccessDecision.deny("the access rule for `" + rule.command() + "` denies it in this channel");
            }
        }
        for (AccessRule rule : matching) {
            if (!rule.allowChannels().isEmpty() && !rule.allowChannels().contains(caller.channelId())) {
                String where = rule.allowChannels().stream().sorted().map(c -> "<#" + c + ">").collect(Collectors.joining(", "));
                return AccessDecision.deny("the access rule for `" + rule.command() + "` allows it only in " + where);
            }
        }
        for (AccessRule rule : matching) {
            if (rule.allowUsers().contains(caller.userId())) {
                return AccessDecision.allow("the access rule for `" + rule.command() + "` allows you by name");
            }
        }
        Role least = null;
        String source = null;
        for (AccessRule rule : matching) {
            if (rule.role() != null) {
                least = rule.role();
                source = "the access rule for `" + rule.command() + "`";
                break;
            }
        }
        if (least == null && info != null) {
            least = info.role();
            source = "the command";
        }
        if (least == null) {
            return AccessDecision.deny("no declaration or access rule allows `" + fullName + "` (deny by default)");
        }
        if (caller.role().atLeast(least)) {
            return AccessDecision.allow(source + " needs role " + least.label() + " and you are " + caller.role().label());
        }
        return AccessDecision.deny(source + " needs role " + least.label() + " and you are " + caller.role().label());
    }
}
