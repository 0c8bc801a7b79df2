package dev.capstan.features.playground;

import dev.capstan.app.Launcher;
import dev.capstan.platform.Feature;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The playground as a newcomer finds it, with one addition the README shows how to make: production deployments need
 * a team lead's approval, so the approval card can be tried. The declared command is the playground's own example.
 */
final class PlaygroundTour {
    static final String CONFIG = """
            commands:
              - name: whois
                description: Look someone up in a pretend staff directory (the playground answers it)
                args:
                  - { name: login, type: string, pattern: "^[a-z0-9-]{1,39}$" }
                action:
                  http:
                    method: GET
                    url: "{{env.PLAYGROUND_TARGET_URL}}/users/{{login}}"
                    allow_hosts: [127.0.0.1]
                reply:
                  ack: "Looking up *{{login}}*…"
                  result: "{{response.json.name}} ({{response.json.team}})"
            families:
              deploy:
                environments:
                  staging: { refs: ["*", "tags/*"] }
                  production:
                    refs: ["tags/v*", "tags/[0-9]*"]
                    approvals: { count: 1, from: { role: team_lead }, timeout: 30m }
            """;

    private PlaygroundTour() {
    }

    static Launcher.Running start(List<Feature> features) {
        try {
            Path config = Files.createTempFile("capstan-playground-tour", ".yaml");
            Files.writeString(config, CONFIG);
            config.toFile().deleteOnExit();
            return Launcher.start(Map.of("PORT", "0", "DATABASE_URL", TestDatabases.freshUrl(TestDatabases.Kind.H2),
                    "CAPSTAN_CONFIG", config.toString()), features, Clock.systemUTC(), TestApp.FAST_JOBS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
