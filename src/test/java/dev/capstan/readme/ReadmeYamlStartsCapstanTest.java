package dev.capstan.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.app.Main;
import dev.capstan.platform.Feature;
import dev.capstan.support.FakeCircleCi;
import dev.capstan.support.FakeGitHub;
import dev.capstan.support.FakeJenkins;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every YAML block of README.md, read from the README itself, starts Capstan as its section says: in CAPSTAN_CONFIG,
 * with the variables the section names (GitHub, CircleCI, Jenkins at local fakes; tokens and secrets made up), and
 * whatever it declares (commands, aliases) is then there. A block that opens by naming another tool's file
 * ({@code # .circleci/config.yml: …}) is that file, not Capstan's.
 */
class ReadmeYamlStartsCapstanTest {
    private static final Pattern DECLARED = Pattern.compile("(?m)^  - name: ([a-z0-9-]+)");
    private static final Pattern ALIAS = Pattern.compile("(?m)^aliases:\\n((?:  .*\\n)+)");
    private static final Pattern OTHER_TOOLS_FILE = Pattern.compile("\\A# \\.[a-z]+/[\\w./-]+\\.ya?ml:");
    private static FakeGitHub github;
    private static FakeCircleCi circleCi;
    private static FakeJenkins jenkins;
    @TempDir
    static Path folder;

    @BeforeAll
    static void fakes() {
        github = new FakeGitHub();
        circleCi = new FakeCircleCi();
        jenkins = new FakeJenkins().job("ops/restart", "SERVICE", "ENV", "REASON").job("deploy", "CLIENT", "BRANCH")
                .job("deploy/web", "ENV", "REF", "SHA");
    }

    @AfterAll
    static void stopFakes() {
        github.close();
        circleCi.close();
        jenkins.close();
    }

    static List<Readme.YamlBlock> blocks() {
        return Readme.yamlBlocks().stream().filter(block -> !OTHER_TOOLS_FILE.matcher(block.yaml()).find()).toList();
    }

    @Test
    void onlyCircleCisConfigurationIsAnotherToolsFile() {
        assertThat(Readme.yamlBlocks()).filteredOn(block -> OTHER_TOOLS_FILE.matcher(block.yaml()).find())
                .singleElement().satisfies(block -> assertThat(block.yaml()).startsWith("# .circleci/config.yml:"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void theBlockStartsCapstan(Readme.YamlBlock block) throws Exception {
        Path dir = Files.createTempDirectory(folder, "block");
        Path file = dir.resolve("capstan.yaml");
        Files.writeString(file, block.yaml());
        Files.writeString(dir.resolve("allowed-users.csv"), "member_id,name\nU0WEBTEAM3,Wendy\n");
        TestApp.Builder builder = TestApp.on(TestDatabases.Kind.H2).env("CAPSTAN_CONFIG", file.toString())
                .env("GITHUB_API_URL", github.url()).env("GITHUB_APP_ID", FakeGitHub.APP_ID)
                .env("GITHUB_APP_PRIVATE_KEY", github.privateKeyPem()).env("GITHUB_ORG", FakeGitHub.ORG)
                .env("GITHUB_WEBHOOK_SECRET", "readme-github-secret")
                .env("CIRCLECI_TOKEN", FakeCircleCi.TOKEN).env("CIRCLECI_API_URL", circleCi.url())
                .env("JENKINS_URL", jenkins.url()).env("JENKINS_USER", "capstan").env("JENKINS_API_TOKEN", "jenkins-token")
                .env("JENKINS_HOOK_SECRET", "readme-hook-secret")
                .env("DIRECTORY_URL", "https://directory.example").env("DIRECTORY_TOKEN", "directory-token")
                .env("ONCALL_KEY", "oncall-key").env("FLUSH_FUNCTION_CODE", "flush-code").env("REPORT_API_KEY", "report-key")
                .env("AKAMAI_HOST", "akamai.example").env("AKAMAI_CLIENT_TOKEN", "akamai-client").env("AKAMAI_CLIENT_SECRET", "akamai-secret")
                .env("AKAMAI_ACCESS_TOKEN", "akamai-access").env("FASTLY_API_TOKEN", "fastly-token").env("CLOUDFLARE_API_TOKEN", "cloudflare-token");
        for (Feature feature : Main.features()) builder.feature(feature);
        try (TestApp app = builder.start()) {
            HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/readyz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            Matcher declared = DECLARED.matcher(block.yaml());
            while (declared.find()) {
                assertThat(app.capstan().commands().find(declared.group(1))).as("declared command " + declared.group(1)).isNotNull();
            }
            Matcher aliases = ALIAS.matcher(block.yaml());
            if (aliases.find()) {
                for (String line : aliases.group(1).split("\n")) {
                    assertThat(app.capstan().commands().aliases()).containsKey(line.strip().replaceFirst(":.*", ""));
                }
            }
        }
    }
}
