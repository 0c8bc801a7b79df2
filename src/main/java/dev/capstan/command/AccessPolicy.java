package dev.capstan.command;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Decides who may run what, where. Denials from any matching rule win; then a channel restriction; then an
 * explicit user allowance; then the role from the most specific rule that names one, else the command's own.
 * A command without a declaration and without a rule granting it is denied. A command's own guard (a command declared
 * in configuration names its users and channels) must allow it as well.
 */
public final class AccessPolicy {
    private enum Why { DENIED_USER, DENIED_CHANNEL, ONLY_IN_CHANNELS, ALLOWED_BY_NAME, ROLE, UNDECLARED }

    /** The outcome before it is put into words: help asks thousands of these and never reads the words. */
    private record Verdict(boolean allowed, Why why, AccessRule rule, Role least) { }

    private static final Grant NOBODY = new Grant(null, List.of());

    private final List<AccessRule> rules;
    private final Map<String, List<AccessRule>> matchingByCommand = new ConcurrentHashMap<>();

    public AccessPolicy(List<AccessRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<AccessRule> rules() {
        return rules;
    }

    /** Whether the caller may run the command here; what help and "did you mean" use. */
    public boolean allows(Caller caller, String fullName, CommandTraits info) {
        return verdict(caller, fullName, info == null ? null : info.role(), NOBODY).allowed()
                && (info == null || info.guard().refusal(caller).isEmpty());
    }

    /**
     * Whether the caller may use a name a family guards with a grant of its own (a site's allow-list): the access rules'
     * denials and channel limits still apply, the people the grant names are let in by name, and a rule's role, else the
     * grant's least role, decides for everyone else.
     */
    public boolean allows(Caller caller, String fullName, Grant grant) {
        return verdict(caller, fullName, grant.least(), grant).allowed();
    }

    /** Whether the caller may run the command here, and why, in words the caller can act on. */
    public AccessDecision decide(Caller caller, String fullName, CommandTraits info) {
        AccessDecision byRules = byRules(caller, fullName, info);
        if (!byRules.allowed() || info == null) return byRules;
        return info.guard().refusal(caller).map(AccessDecision::refusedByCommandPolicy).orElse(byRules);
    }

    private AccessDecision byRules(Caller caller, String fullName, CommandTraits info) {
        Verdict verdict = verdict(caller, fullName, info == null ? null : info.role(), NOBODY);
        String rule = verdict.rule() == null ? null : "the access rule for `" + verdict.rule().command() + "`";
        return switch (verdict.why()) {
            case DENIED_USER -> AccessDecision.deny(rule + " denies you");
            case DENIED_CHANNEL -> AccessDecision.deny(rule + " denies it in this channel");
            case ONLY_IN_CHANNELS -> AccessDecision.deny(rule + " allows it only in " + verdict.rule().allowChannels().stream()
                    .sorted().map(c -> "<#" + c + ">").collect(Collectors.joining(", ")));
            case ALLOWED_BY_NAME -> AccessDecision.allow(rule + " allows you by name");
            case UNDECLARED -> AccessDecision.deny("no declaration or access rule allows `" + fullName + "` (deny by default)");
            case ROLE -> {
                String words = (rule == null ? "the command" : rule) + " needs role " + verdict.least().label()
                        + " and you are " + caller.role().label();
                yield verdict.allowed() ? AccessDecision.allow(words) : AccessDecision.deny(words);
            }
        };
    }

    /** The rules, then the command's own grant: its named people, else its least role (none: undeclared, denied). */
    private Verdict verdict(Caller caller, String fullName, Role least, Grant own) {
        List<AccessRule> matching = matching(fullName);
        for (AccessRule rule : matching) {
            if (rule.denyUsers().contains(caller.userId())) return new Verdict(false, Why.DENIED_USER, rule, null);
            if (rule.denyChannels().contains(caller.channelId())) return new Verdict(false, Why.DENIED_CHANNEL, rule, null);
        }
        for (AccessRule rule : matching) {
            if (!rule.allowChannels().isEmpty() && !rule.allowChannels().contains(caller.channelId())) {
                return new Verdict(false, Why.ONLY_IN_CHANNELS, rule, null);
            }
        }
        for (AccessRule rule : matching) {
            if (rule.grant().names(caller.userId())) return new Verdict(true, Why.ALLOWED_BY_NAME, rule, null);
        }
        if (own.names(caller.userId())) return new Verdict(true, Why.ALLOWED_BY_NAME, null, null);
        for (AccessRule rule : matching) {
            if (rule.role() != null) return new Verdict(rule.grant().allows(caller.userId(), caller.role()), Why.ROLE, rule, rule.role());
        }
        if (least == null) return new Verdict(false, Why.UNDECLARED, null, null);
        return new Verdict(Grant.role(least).allows(caller.userId(), caller.role()), Why.ROLE, null, least);
    }

    /** The rules that apply to a command, most specific first; rules never change, so this is worked out once. */
    private List<AccessRule> matching(String fullName) {
        return matchingByCommand.computeIfAbsent(fullName, name -> rules.stream()
                .filter(r -> r.specificity(name) >= 0)
                .sorted(Comparator.comparingInt((AccessRule r) -> r.specificity(name)).reversed())
                .toList());
    }
}
