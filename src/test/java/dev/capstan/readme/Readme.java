package dev.capstan.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** README.md itself, read for its examples: the YAML blocks with the heading they stand under, and the slash commands it shows. */
final class Readme {
    /** One ```yaml block; {@code heading} is the last heading above it, {@code number} counts the blocks under that heading. */
    record YamlBlock(String heading, int number, String yaml) {
        @Override
        public String toString() {
            return heading + (number > 1 ? " (block " + number + ")" : "");
        }
    }

    private static final Pattern SLASH_COMMAND = Pattern.compile("`(/(?:capstan|timereport|deploy|cimon|flush|rocket|ops)(?:\\s[^`]*)?)`");
    /** Words of a synopsis rather than an example: placeholders, choices, optional parts, ellipses. */
    private static final Pattern PLACEHOLDER = Pattern.compile("[<\\[{…|]|\\b[A-Z]{2,}\\b");

    private Readme() {
    }

    static String text() {
        try {
            return Files.readString(Path.of("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<YamlBlock> yamlBlocks() {
        List<YamlBlock> blocks = new ArrayList<>();
        String heading = "";
        int number = 0;
        StringBuilder yaml = null;
        boolean otherFence = false;
        for (String line : text().split("\n", -1)) {
            boolean fence = line.strip().startsWith("```");
            if (yaml != null) {
                if (fence) {
                    blocks.add(new YamlBlock(heading, ++number, yaml.toString()));
                    yaml = null;
                } else {
                    yaml.append(line).append('\n');
                }
            } else if (otherFence) {
                otherFence = !fence;
            } else if (line.strip().equals("```yaml")) {
                yaml = new StringBuilder();
            } else if (fence) {
                otherFence = true;
            } else if (line.startsWith("#")) {
                heading = line.replaceFirst("^#+\\s*", "");
                number = 0;
            }
        }
        return blocks;
    }

    /** The slash commands the README shows as something to type, in the order it shows them; synopses are left out. */
    static List<String> commandExamples() {
        Set<String> examples = new LinkedHashSet<>();
        Matcher m = SLASH_COMMAND.matcher(text());
        while (m.find()) {
            String example = m.group(1).replaceAll("\\s+", " ").strip();
            if (!PLACEHOLDER.matcher(example).find()) examples.add(example);
        }
        return List.copyOf(examples);
    }
}
