package dev.capstan.app;

import dev.capstan.platform.Variable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/** When the playground is on (no Slack credentials, or CAPSTAN_PLAYGROUND=true) and the environment it runs with. */
final class PlaygroundMode {
    static final String HOST = "127.0.0.1";
    /** Its own database, so the seeded pretend people and roles never reach the one a real workspace later uses. */
    static final String DATABASE_URL = "jdbc:h2:file:./data/playground";
    /** The platform's variables that would make the playground act on real outside services (GitHub, CircleCI). */
    private static final List<String> OUTSIDE_SERVICES = List.of("GITHUB_", "CIRCLECI_");
    /** Names (comma separated) of outside-service variables the playground may keep anyway, e.g. to try a test org. */
    static final String KEEP = "CAPSTAN_PLAYGROUND_KEEP";
    /** Where the playground's pretend target answers declared commands ({@code {{env.PLAYGROUND_TARGET_URL}}}). */
    static final String TARGET_URL = "PLAYGROUND_TARGET_URL";
    /** Where the playground serves its pretend GitHub. */
    static final String GITHUB_PATH = "/playground/github";

    private PlaygroundMode() {
    }

    /** On when asked for, or when no Slack credential is set at all; CAPSTAN_PLAYGROUND=false turns it off. */
    static boolean wanted(Map<String, String> env) {
        String flag = env.get("CAPSTAN_PLAYGROUND");
        if (flag != null && !flag.isBlank()) return Boolean.parseBoolean(flag.trim());
        return blank(env.get("SLACK_SIGNING_SECRET")) && blank(env.get("SLACK_BOT_TOKEN")) && blank(env.get("SLACK_APP_TOKEN"));
    }

    /**
     * A fixed port, a signing secret the playground can sign with, the Web API pointed at the in-process fake, its own
     * database unless DATABASE_URL says otherwise, and none of the variables that reach outside services (the platform's
     * GitHub and CircleCI ones, and every variable a family declares) unless kept explicitly; with none of GitHub's
     * kept, GitHub is the playground's pretend one (an App on "acme"). Its throwaway key is not here: {@link Launcher}
     * starts making it ({@link #pretendGitHubKey}) first and adds it ({@link #addPretendGitHubKey}) only before Capstan
     * is built, so the configuration is read meanwhile.
     */
    static Map<String, String> environmentWithoutKey(Map<String, String> env, int requestedPort) {
        Map<String, String> prepared = new HashMap<>(env);
        Set<String> kept = kept(env);
        Set<String> platform = PlatformVariables.all().stream().map(Variable::name)
                .filter(name -> OUTSIDE_SERVICES.stream().noneMatch(name::startsWith)).collect(Collectors.toSet());
        prepared.keySet().removeIf(name -> !platform.contains(name) && !kept.contains(name));
        if (blank(env.get("DATABASE_URL"))) prepared.put("DATABASE_URL", DATABASE_URL);
        int port = requestedPort == 0 ? freePort() : requestedPort;
        prepared.put("PORT", Integer.toString(port));
        if (blank(env.get("SLACK_SIGNING_SECRET"))) prepared.put("SLACK_SIGNING_SECRET", randomSecret());
        prepared.remove("SLACK_APP_TOKEN");
        prepared.put("SLACK_API_URL", baseUrl(port) + "/playground/api/");
        prepared.put(TARGET_URL, baseUrl(port) + "/playground/target");
        if (blank(env.get("CAPSTAN_CONFIG"))) prepared.put("CAPSTAN_CONFIG", exampleCommands());
        if (usesPretendGitHub(env)) gitHubStandIn(prepared, port);
        if (prepared.keySet().stream().noneMatch(name -> name.startsWith("AWS_"))) ecsStandIn(prepared, port);
        return prepared;
    }

    private static Set<String> kept(Map<String, String> env) {
        return blank(env.get(KEEP)) ? Set.of() : Set.of(env.get(KEEP).trim().split("\\s*,\\s*"));
    }

    /** Whether GitHub is the pretend one: no GitHub variable is kept (the others are dropped). */
    private static boolean usesPretendGitHub(Map<String, String> env) {
        Set<String> kept = kept(env);
        return env.keySet().stream().noneMatch(name -> name.startsWith("GITHUB_") && kept.contains(name));
    }

    /**
     * The pretend GitHub App's key (see {@link #throwawayKey}), read or made on a thread of its own, when the playground
     * started with {@code env} uses the pretend GitHub; null otherwise. Making one took a fresh start half a second of CPU.
     */
    static CompletableFuture<String> pretendGitHubKey(Map<String, String> env) {
        if (!usesPretendGitHub(env)) return null;
        return CompletableFuture.supplyAsync(PlaygroundMode::throwawayKey, task -> {
            Thread thread = new Thread(task, "playground-github-key");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** Waits for the pretend key and adds it to the playground's environment; its failure is rethrown as it was. */
    static void addPretendGitHubKey(Map<String, String> prepared, CompletableFuture<String> key) {
        try {
            prepared.put("GITHUB_APP_PRIVATE_KEY", key.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }

    /** The example declared commands (a pretend directory look-up), for a playground started without a file of its own. */
    private static String exampleCommands() {
        Path file = Path.of("data", "playground-commands.yaml");
        try (InputStream example = PlaygroundMode.class.getResourceAsStream("/playground/commands.yaml")) {
            Files.createDirectories(file.getParent());
            Files.write(file, example.readAllBytes());
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the playground's example commands", e);
        }
    }

    /** The playground's pretend ECS for declared commands' ecs action, unless some real AWS variable was kept. */
    private static void ecsStandIn(Map<String, String> env, int port) {
        env.put("AWS_ENDPOINT_URL_ECS", baseUrl(port) + "/playground/ecs");
        env.put("AWS_REGION", "eu-west-1");
        env.put("AWS_ACCESS_KEY_ID", "PLAYGROUND");
        env.put("AWS_SECRET_ACCESS_KEY", "playground-pretend-key");
    }

    /** The playground's pretend GitHub (an App installed on "acme"), unless some real GitHub variable was kept; its key comes apart. */
    private static void gitHubStandIn(Map<String, String> env, int port) {
        env.put("GITHUB_API_URL", baseUrl(port) + GITHUB_PATH);
        env.put("GITHUB_APP_ID", "1");
        env.put("GITHUB_ORG", "acme");
        env.put("GITHUB_WEBHOOK_SECRET", randomSecret());
    }

    /** The webhook secret of the pretend GitHub when the playground uses it; null otherwise. */
    static String gitHubStandInSecret(Map<String, String> env) {
        String url = env.get("GITHUB_API_URL");
        return url != null && url.endsWith(GITHUB_PATH) && url.startsWith("http://" + HOST) ? env.get("GITHUB_WEBHOOK_SECRET") : null;
    }

    /**
     * The pretend GitHub App's key: made once and kept in data/ beside the playground's database, since making a
     * 2048-bit RSA key took a tenth of start-up.
     */
    private static String throwawayKey() {
        Path file = Path.of("data", "playground-github-key.pem");
        try {
            if (Files.isRegularFile(file)) return Files.readString(file);
            String key = newKey();
            Files.createDirectories(file.getParent());
            Path written = Files.createTempFile(file.getParent(), "playground-github-key", ".tmp");
            Files.writeString(written, key);
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the playground's pretend GitHub key", e);
        }
    }

    private static String newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] encoded = generator.generateKeyPair().getPrivate().getEncoded();
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(encoded) + "\n-----END PRIVATE KEY-----\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String baseUrl(int port) {
        return "http://" + HOST + ":" + port;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the playground", e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
