package dev.capstan.app;

import dev.capstan.features.Feature;
import dev.capstan.jobs.JobSettings;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code capstan manifest --url https://your.host [--socket-mode]}: prints the Slack app manifest for this build. */
final class ManifestCommand {
    static final String USAGE = "Usage: java -jar capstan.jar manifest --url https://your.host [--socket-mode]";

    private ManifestCommand() {
    }

    /** Returns the exit code; the manifest goes to stdout, problems to stderr. */
    static int run(List<String> args, Map<String, String> env, List<Feature> features) {
        String url = null;
        boolean socketMode = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--socket-mode" -> socketMode = true;
                case "--url" -> url = i + 1 < args.size() ? args.get(++i) : null;
                default -> {
                    System.err.println("Unknown option " + args.get(i) + "\n" + USAGE);
                    return 2;
                }
            }
        }
        if (!socketMode && (url == null || !url.startsWith("https://"))) {
            System.err.println("Slack needs a public https:// URL (or use --socket-mode).\n" + USAGE);
            return 2;
        }
        Map<String, String> registryEnv = new HashMap<>(env);
        registryEnv.put("DATABASE_URL", "jdbc:h2:mem:manifest-" + UUID.randomUUID());
        Config config = Config.fromEnvironment(registryEnv);
        try (Capstan capstan = new Capstan(config, registryEnv, features, Clock.systemUTC(), JobSettings.defaults())) {
            System.out.print(new SlackManifest(capstan.commands(), capstan.events()).yaml(url, socketMode));
        }
        return 0;
    }
}
