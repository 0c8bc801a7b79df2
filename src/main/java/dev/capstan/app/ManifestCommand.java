package dev.capstan.app;

import dev.capstan.platform.Feature;
import dev.capstan.jobs.JobSettings;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
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

    /** Returns the exit code; the manifest goes to {@code out} and nothing else does, problems go to {@code err}. */
    static int run(List<String> args, Map<String, String> env, List<Feature> features, PrintStream out, PrintStream err) {
        String url = null;
        boolean socketMode = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--socket-mode" -> socketMode = true;
                case "--url" -> url = i + 1 < args.size() ? args.get(++i) : null;
                default -> {
                    err.println("Unknown option " + args.get(i) + "\n" + USAGE);
                    return 2;
                }
            }
        }
        if (url != null && !validHttpsUrl(url)) {
            err.println("--url must be the public https:// address Slack will call (e.g. https://capstan.example.org), not '"
                    + url + "'.\n" + USAGE);
            return 2;
        }
        if (url == null && !socketMode) {
            err.println("Give the public https:// address Slack will call with --url (or use --socket-mode).\n" + USAGE);
            return 2;
        }
        Map<String, String> registryEnv = new HashMap<>(env);
        registryEnv.put("DATABASE_URL", "jdbc:h2:mem:manifest-" + UUID.randomUUID());
        Config config = Config.fromEnvironment(registryEnv);
        try (Capstan capstan = new Capstan(config, registryEnv, features, Clock.systemUTC(), JobSettings.defaults())) {
            out.print(new SlackManifest(capstan.commands(), capstan.events()).yaml(url, socketMode));
            err.println("Capstan reads these variables (secrets marked *); see the README's configuration table:");
            capstan.declarations().variables().forEach(v ->
                    err.println("  " + v.name() + (v.secret() ? " *" : "") + "  (" + v.owner() + ") " + v.meaning()));
        }
        out.flush();
        return 0;
    }

    private static boolean validHttpsUrl(String url) {
        try {
            URI uri = new URI(url);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
