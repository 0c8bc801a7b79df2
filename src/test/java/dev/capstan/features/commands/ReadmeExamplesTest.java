package dev.capstan.features.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.security.SecretMask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's declaration examples load without a problem, so what people copy works. */
class ReadmeExamplesTest {
    private static final Map<String, String> ENVIRONMENT = Map.of("DIRECTORY_URL", "https://directory.example",
            "DIRECTORY_TOKEN", "directory-token", "ONCALL_KEY", "oncall-key", "JENKINS_URL", "https://jenkins.example/",
            "REPORT_API_KEY", "report-key");

    private static DeclarationReader.Result example(String heading) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```yaml\n", readme.indexOf(heading)) + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("```", start));
        YamlSource source = YamlSource.parse("README.md", yaml);
        return new DeclarationReader(source, new DeclarationPass(source, ENVIRONMENT::get, new Secrets(ENVIRONMENT::get, new SecretMask())), Clock.systemUTC()).read();
    }

    @Test
    void theDeclarationExampleWithEveryActionTypeLoads() throws Exception {
        DeclarationReader.Result result = example("## Declared commands");

        assertThat(result.problems()).isEmpty();
        assertThat(result.declarations()).extracting(Declaration::name).containsExactly("restart", "whois", "page");
    }

    @Test
    void theMigrationFromTheOneFunctionBotLoads() throws Exception {
        DeclarationReader.Result result = example("The same command, allowed to two people");

        assertThat(result.problems()).isEmpty();
        assertThat(result.declarations().get(0).policy().grant().users()).containsExactlyInAnyOrder("U0ALICE001", "U0BOB00001");
    }

    @Test
    void theEcsExampleLoads() throws Exception {
        DeclarationReader.Result result = example("### Long work on ECS");

        assertThat(result.problems()).isEmpty();
        assertThat(result.declarations()).singleElement().satisfies(d -> assertThat(d.action()).isInstanceOf(Action.Ecs.class));
    }
}
