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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The registry: families and their commands, aliases, shorthands and what `whoami` shows. Filled at start-up; a family
 * of commands declared in configuration may later be installed, replaced or removed whole while requests are routed,
 * so families and aliases are copied on write and every reader sees one consistent map.
 */
public final class Commands implements ReplaceableFamilies {
    private volatile Map<String, Family> families = Map.of();
    private volatile Map<String, String> aliases = Map.of();
    private final List<Shorthand> shorthands = new ArrayList<>();
    private final List<Function<String, List<String>>> whoamiFacts = new ArrayList<>();
    private final Set<String> scopes = new TreeSet<>();
    private final Set<String> guardedNames = new TreeSet<>();
    private final Map<String, List<String>> topics = new ConcurrentHashMap<>();

    public synchronized Family family(String name, String description) {
        String key = name.toLowerCase(Locale.ROOT);
        if (families.containsKey(key)) throw new IllegalArgumentException("Family '" + name + "' registered twice");
        Family family = new Family(key, description);
        install(family);
        return family;
    }

    /** A family nobody can reach yet: fill it, then {@link #install} it, so that requests never see it half built. */
    @Override
    public Family prepare(String name, String description) {
        return new Family(name.toLowerCase(Locale.ROOT), description);
    }

    /** Makes a prepared family reachable, in one step replacing the family of the same name if there is one. */
    @Override
    public synchronized void install(Family family) {
        Map<String, Family> next = new LinkedHashMap<>(families);
        next.put(family.name(), family);
        families = Collections.unmodifiableMap(next);
    }

    /** Takes a family out (a command removed from configuration); false when there was none of that name. */
    @Override
    public synchronized boolean remove(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!families.containsKey(key)) return false;
        Map<String, Family> next = new LinkedHashMap<>(families);
        next.remove(key);
        families = Collections.unmodifiableMap(next);
        return true;
    }

    /** Maps a slash command name or a first word to a family; a target that is no family means the main entry. */
    public synchronized void alias(String alias, String target) {
        Map<String, String> next = new LinkedHashMap<>(aliases);
        next.put(alias.toLowerCase(Locale.ROOT).replaceFirst("^/", ""), target.toLowerCase(Locale.ROOT).replaceFirst("^/", ""));
        aliases = Collections.unmodifiableMap(next);
    }

    /** A help topic: one name for several families of one feature, so that {@code help <topic>} shows them all. */
    public void topic(String name, String... familyNames) {
        topics.put(name.toLowerCase(Locale.ROOT), List.of(familyNames));
    }

    /** The families a help topic names, those that exist; empty when there is no such topic. */
    public List<Family> topic(String name) {
        List<String> names = name == null ? List.of() : topics.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        return names.stream().map(this::find).filter(java.util.Objects::nonNull).toList();
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
        return families.values();
    }

    @Override
    public boolean taken(String name) {
        return find(name) != null || aliases().containsKey(name);
    }

    public Family find(String name) {
        if (name == null) return null;
        String key = name.toLowerCase(Locale.ROOT);
        return families.get(aliases.getOrDefault(key, key));
    }

    public Map<String, String> aliases() {
        return aliases;
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
        return families().stream().flatMap(f -> f.commands().stream()).toList();
    }

    public CommandEntry byFullName(String fullName) {
        String wanted = fullName.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return all().stream().filter(e -> e.fullName().equals(wanted)).findFirst().orElse(null);
    }
}
