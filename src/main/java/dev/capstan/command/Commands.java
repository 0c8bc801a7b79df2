package dev.capstan.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** The registry: families and their commands, aliases, shorthands and what `whoami` shows. Filled at start-up. */
public final class Commands {
    private final Map<String, Family> families = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final List<Shorthand> shorthands = new ArrayList<>();
    private final List<Function<String, List<String>>> whoamiFacts = new ArrayList<>();
    private final Set<String> scopes = new TreeSet<>();
    private final Set<String> guardedNames = new TreeSet<>();

    public Family family(String name, String description) {
        String key = name.toLowerCase(Locale.ROOT);
        if (families.containsKey(key)) throw new IllegalArgumentException("Family '" + name + "' registered twice");
        Family family = new Family(key, description);
        families.put(key, family);
        return family;
    }

    /** Maps a slash command name or a first word to a family; a target that is no family means the main entry. */
    public void alias(String alias, String target) {
        aliases.put(alias.toLowerCase(Locale.ROOT).replaceFirst("^/", ""), target.toLowerCase(Locale.ROOT).replaceFirst("^/", ""));
    }

    public void shorthand(Shorthand shorthand) {
        shorthands.add(shorthand);
    }

    /** Lines a family adds to `whoami` for a user (teams, GitHub login, …). */
    public void whoamiFact(Function<String, List<String>> fact) {
        whoamiFacts.add(fact);
    }

    /** Bot token scopes a family needs beyond the platform's own (users:read.email, files:write, …); the app manifest lists them. */
    public void requireScopes(String... names) {
        scopes.addAll(List.of(names));
    }

    /**
     * A name a family checks against the access rules itself ("flush nhs": one cache-flush site), so that access rules
     * may name it like a command.
     */
    public void guard(String fullName) {
        guardedNames.add(fullName.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
    }

    public Set<String> guardedNames() {
        return Collections.unmodifiableSet(guardedNames);
    }

    public Set<String> scopes() {
        return Collections.unmodifiableSet(scopes);
    }

    public Collection<Family> families() {
        return Collections.unmodifiableCollection(families.values());
    }

    public Family find(String name) {
        if (name == null) return null;
        String key = name.toLowerCase(Locale.ROOT);
        return families.get(aliases.getOrDefault(key, key));
    }

    public Map<String, String> aliases() {
        return Collections.unmodifiableMap(aliases);
    }

    List<Shorthand> shorthands() {
        return shorthands;
    }

    public List<String> whoamiFactsFor(String userId) {
        List<String> lines = new ArrayList<>();
        for (Function<String, List<String>> fact : whoamiFacts) lines.addAll(fact.apply(userId));
        return lines;
    }

    /** Every registered command, for help, the access command and the Slack app manifest. */
    public List<CommandEntry> all() {
        return families.values().stream().flatMap(f -> f.commands().stream()).toList();
    }

    public CommandEntry byFullName(String fullName) {
        String wanted = fullName.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return all().stream().filter(e -> e.fullName().equals(wanted)).findFirst().orElse(null);
    }
}
