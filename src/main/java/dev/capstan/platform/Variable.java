package dev.capstan.platform;

/**
 * An environment variable Capstan reads, declared by the platform or a family: the README's table, compose.yaml and
 * the playground (which drops outside-service secrets) all come from the one list. A secret's value is masked wherever
 * Capstan writes text.
 */
public record Variable(String name, String owner, String meaning, boolean secret) {
    public Variable {
        if (name == null || !name.matches("[A-Z][A-Z0-9_]*")) throw new IllegalArgumentException("Not a variable name: " + name);
    }
}
