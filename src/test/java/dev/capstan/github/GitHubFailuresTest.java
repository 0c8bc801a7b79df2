package dev.capstan.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.command.TransientFailure;
import dev.capstan.command.UserError;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.HttpException;

class GitHubFailuresTest {

    @Test
    void aClientErrorQuotesGitHubsMessageAndItsFirstError() {
        HttpException refused = new HttpException("{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Team\","
                + "\"code\":\"custom\",\"message\":\"Name must be unique for this org\"}]}", 422, "Unprocessable Entity", "https://x");
        RuntimeException explained = GitHubFailures.explain("create team `web`", refused);
        assertThat(explained).isInstanceOf(UserError.class)
                .hasMessage(":x: GitHub refused to create team `web` (HTTP 422): Validation Failed (Name must be unique for this org). Nothing was changed.");
    }

    @Test
    void aServerErrorOrNoAnswerIsWorthRetrying() {
        assertThat(GitHubFailures.explain("list teams", new HttpException("{\"message\":\"Server Error\"}", 502, "Bad Gateway", "https://x")))
                .isInstanceOf(TransientFailure.class).hasMessageContaining("HTTP 502: Server Error");
        assertThat(GitHubFailures.explain("list teams", new IOException("Connection refused")))
                .isInstanceOf(TransientFailure.class).hasMessageContaining("GitHub did not answer");
    }

    @Test
    void aRateLimitOrATimeoutIsWorthRetryingWhileOtherRefusalsStopAtOnce() {
        assertThat(GitHubFailures.explain("add", new HttpException("{\"message\":\"API rate limit exceeded for installation ID 77.\"}",
                403, "Forbidden", "https://x"))).isInstanceOf(TransientFailure.class).hasMessageContaining("API rate limit exceeded");
        assertThat(GitHubFailures.explain("add", new HttpException("{\"message\":\"You have exceeded a secondary rate limit\"}",
                403, "Forbidden", "https://x"))).isInstanceOf(TransientFailure.class);
        assertThat(GitHubFailures.explain("add", new HttpException("", 429, "Too Many Requests", "https://x")))
                .isInstanceOf(TransientFailure.class);
        assertThat(GitHubFailures.explain("add", new HttpException("", 408, "Request Timeout", "https://x")))
                .isInstanceOf(TransientFailure.class);
        assertThat(GitHubFailures.explain("add", new HttpException("{\"message\":\"Must have admin rights\"}", 403,
                "Forbidden", "https://x"))).isInstanceOf(UserError.class).hasMessageContaining("Must have admin rights");
    }

    @Test
    void aBodyThatIsNotJsonFallsBackToTheStatusText() {
        assertThat(GitHubFailures.explain("add", new HttpException("<html>nope</html>", 403, "Forbidden", "https://x")))
                .hasMessageContaining("(HTTP 403): Forbidden.");
    }

    @Test
    void settingsNeedIdKeyAndOrganisationAndNeverPrintTheKey() {
        Map<String, String> env = Map.of("GITHUB_APP_ID", "1", "GITHUB_APP_PRIVATE_KEY", "-----BEGIN PRIVATE KEY-----secret", "GITHUB_ORG", "o");
        Optional<GitHubAppSettings> settings = GitHubAppSettings.from(env::get);
        assertThat(settings).isPresent();
        assertThat(settings.get().apiUrl()).isEqualTo("https://api.github.com");
        assertThat(settings.get().toString()).doesNotContain("secret");
        assertThat(GitHubAppSettings.from(Map.of("GITHUB_APP_ID", "1")::get)).isEmpty();
    }

    @Test
    void aPkcs1KeySaysHowToConvertIt() {
        assertThatThrownBy(() -> GitHubApp.privateKey("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----"))
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
        assertThatThrownBy(() -> GitHubApp.privateKey("-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----"))
                .hasMessageContaining("not a PKCS#8 RSA private key");
    }
}
