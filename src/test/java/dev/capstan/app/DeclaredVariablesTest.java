package dev.capstan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.capstan.jobs.JobSettings;
import dev.capstan.platform.Variable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The variables the platform and every family declare are the one list: the README's configuration table names each,
 * compose.yaml passes each through, and the playground keeps none that reaches an outside service.
 */
class DeclaredVariablesTest {
    /** Set by compose.yaml itself or by the playground, never passed through as they are. */
    private static final Set<String> NOT_PASSED_THROUGH = Set.of("PORT", "DATABASE_URL", "SLACK_API_URL", "CAPSTAN_PLAYGROUND",
            "CAPSTAN_PLAYGROUND_KEEP");

    private static List<Variable> declared() {
        Map<String, String> env = Map.of("DATABASE_URL", "jdbc:h2:mem:variables-" + System.nanoTime());
        try (Capstan capstan = new Capstan(Config.read(env), env, Main.features(), Clock.systemUTC(), JobSettings.defaults())) {
            return capstan.declarations().variables();
        }
    }

    @Test
    void theReadmesConfigurationTableNamesEveryDeclaredVariable() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(declared()).isNotEmpty().allSatisfy(variable ->
                assertThat(readme).as(variable.name()).containsPattern("\\n\\|[^\\n]*`" + variable.name() + "`[^\\n]*\\|"));
    }

    @Test
    void composePassesEveryDeclaredVariableThroughEmptyWhenUnset() throws Exception {
        JsonNode environment = new ObjectMapper(new YAMLFactory()).readTree(Path.of("compose.yaml").toFile())
                .path("services").path("capstan").path("environment");
        for (Variable variable : declared()) {
            if (NOT_PASSED_THROUGH.contains(variable.name())) continue;
            assertThat(environment.path(variable.name()).asText()).as(variable.name()).isEqualTo("${" + variable.name() + ":-}");
        }
    }

    @Test
    void thePlaygroundKeepsNoVariableThatReachesAnOutsideServiceUnlessAskedTo() {
        Map<String, String> given = new java.util.HashMap<>();
        declared().forEach(variable -> given.put(variable.name(), "value-of-" + variable.name()));
        given.put("CAPSTAN_PLAYGROUND_KEEP", "GITHUB_ORG");
        Map<String, String> playground = PlaygroundEnvironments.of(given, 3000);
        for (Variable variable : declared()) {
            boolean outside = !variable.owner().equals(PlatformVariables.OWNER)
                    || variable.name().startsWith("GITHUB_") || variable.name().startsWith("CIRCLECI_");
            if (outside && !variable.name().equals("GITHUB_ORG")) {
                assertThat(playground.get(variable.name())).as(variable.name()).isNotEqualTo("value-of-" + variable.name());
            }
        }
        assertThat(playground).containsEntry("AWS_ENDPOINT_URL_ECS", "http://127.0.0.1:3000/playground/ecs")
                .containsEntry("GITHUB_ORG", "value-of-GITHUB_ORG").containsEntry("CAPSTAN_ADMINS", "value-of-CAPSTAN_ADMINS");
    }
}
