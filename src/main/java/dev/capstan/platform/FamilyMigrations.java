package dev.capstan.platform;

/**
 * Where a family's Flyway migrations live ({@code db/<family>}) and the block of versions it owns: {@code first} up to
 * (not including) {@code first + 10}, e.g. V30, V30_1, … V39 for a family whose block starts at 30. Blocks never
 * overlap, so two families can never write the same version; the platform owns 1 to 9.
 */
public record FamilyMigrations(String family, int first) {
    public static final int BLOCK = 10;

    public String location() {
        return "classpath:db/" + family;
    }

    public boolean owns(String version) {
        int major = Integer.parseInt(version.split("[._]")[0]);
        return major >= first && major < first + BLOCK;
    }
}
