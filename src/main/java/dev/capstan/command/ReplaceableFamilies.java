package dev.capstan.command;

/**
 * The narrow part of the registry a family may change while Capstan runs (commands declared in the configuration
 * file, reloaded): whether a name is taken, and preparing, installing and removing whole families of its own.
 */
public interface ReplaceableFamilies {
    /** True when a family or an alias answers to {@code name} already. */
    boolean taken(String name);

    /** A family nobody can reach yet: fill it, then {@link #install} it. */
    Family prepare(String name, String description);

    /** Makes a prepared family reachable, replacing the family of the same name if there is one. */
    void install(Family family);

    /** Takes a family out; false when there was none of that name. */
    boolean remove(String name);
}
