package dev.capstan.features.commands;

import dev.capstan.command.PermanentFailure;
import dev.capstan.security.SecretMask;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.Function;

/**
 * {@code ${secret:NAME}}: the environment variable NAME, or the file that NAME_FILE names. Read when a request is sent,
 * never stored; each value (and its URL-encoded, JSON-escaped and Basic-credential forms) is masked wherever Capstan writes.
 */
final class Secrets {
    /** What a dry run shows in place of a secret. */
    static final Function<String, String> PLACEHOLDERS = name -> "[secret " + name + "]";

    private final Function<String, String> environment;
    private final SecretMask secretMask;

    Secrets(Function<String, String> environment, SecretMask secretMask) {
        this.secretMask = secretMask;
        this.environment = environment;
    }

    /** Whether the secret can be read now; load refuses a declaration naming one that can't. */
    boolean isSet(String name) {
        try {
            return read(name) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** The secret's value, masked from now on; a {@link PermanentFailure} when it is gone. */
    String resolve(String name) {
        String value;
        try {
            value = read(name);
        } catch (IOException e) {
            throw new PermanentFailure("the secret " + name + " could not be read from its file");
        }
        if (value == null) throw new PermanentFailure("the secret " + name + " is not set");
        mask(value);
        return value;
    }

    /** Masks a secret value in every form a server might echo it back in. */
    private void mask(String value) {
        secretMask.add(value);
        secretMask.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
        secretMask.add(Encoding.component(value));
        secretMask.add(value.replace("\\", "\\\\").replace("\"", "\\\""));
    }

    /** The text with every secret value of this Capstan masked. */
    String masked(String text) {
        return secretMask.mask(text);
    }

    /** Masks the Basic credential of {@code user:password}, which servers and proxies echo back in base64. */
    static String basic(String user, String password, SecretMask masked) {
        String credential = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        masked.add(credential);
        return "Basic " + credential;
    }

    private String read(String name) throws IOException {
        String value = environment.apply(name);
        if (value != null) return value;
        String file = environment.apply(name + "_FILE");
        if (file == null) return null;
        String content = Files.readString(Path.of(file)).strip();
        return content.isEmpty() ? null : content;
    }
}
