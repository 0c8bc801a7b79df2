package dev.capstan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.capstan.support.TestApp;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaygroundModeTest {
    @Test
    void withoutAnySlackCredentialThePlaygroundIsOn() {
        assertThat(PlaygroundMode.wanted(Map.of())).isTrue();
        assertThat(PlaygroundMode.wanted(Map.of("SLACK_SIGNING_SECRET", " "))).isTrue();
    }

    @Test
    void anySlackCredentialTurnsThePlaygroundOff() {
        assertThat(PlaygroundMode.wanted(Map.of("SLACK_SIGNING_SECRET", "s"))).isFalse();
        assertThat(PlaygroundMode.wanted(Map.of("SLACK_BOT_TOKEN", "xoxb-1"))).isFalse();
        assertThat(PlaygroundMode.wanted(Map.of("SLACK_APP_TOKEN", "xapp-1"))).isFalse();
    }

    @Test
    void capstanPlaygroundTrueTurnsItOnEvenWithCredentials() {
        assertThat(PlaygroundMode.wanted(Map.of("CAPSTAN_PLAYGROUND", "true", "SLACK_SIGNING_SECRET", "s",
                "SLACK_BOT_TOKEN", "xoxb-1"))).isTrue();
    }

    @Test
    void capstanPlaygroundFalseKeepsItOffEvenWithoutCredentials() {
        assertThat(PlaygroundMode.wanted(Map.of("CAPSTAN_PLAYGROUND", "false"))).isFalse();
    }

    @Test
    void withoutDatabaseUrlThePlaygroundUsesItsOwnH2FileNotTheRealDefaultOne() {
        Map<String, String> env = PlaygroundEnvironments.of(Map.of(), 3000);
        assertThat(env.get("DATABASE_URL")).isEqualTo("jdbc:h2:file:./data/playground");
        assertThat(Config.fromEnvironment(env).database().jdbcUrl())
                .isNotEqualTo(Config.fromEnvironment(Map.of()).database().jdbcUrl());
    }

    @Test
    void aBadPortWithoutSlackCredentialsIsAConfigurationProblemNotACrash() {
        Config.Invalid invalid = catchThrowableOfType(Config.Invalid.class, () -> Launcher.start(
                Map.of("PORT", "abc", "CAPSTAN_ADMINS", "nobody"), Main.features(), Clock.systemUTC(), TestApp.FAST_JOBS));
        assertThat(invalid.problems()).hasSize(2).anySatisfy(problem -> assertThat(problem).contains("PORT must be a number"));
    }

    @Test
    void anExplicitDatabaseUrlIsKept() {
        assertThat(PlaygroundEnvironments.of(Map.of("DATABASE_URL", "jdbc:h2:mem:mine"), 3000).get("DATABASE_URL"))
                .isEqualTo("jdbc:h2:mem:mine");
    }

    @Test
    void theWebApiGoesToTheInProcessFakeAndTheAppTokenIsDropped() {
        Map<String, String> env = PlaygroundEnvironments.of(Map.of("SLACK_APP_TOKEN", "xapp-1"), 4321);
        assertThat(env.get("SLACK_API_URL")).isEqualTo("http://127.0.0.1:4321/playground/api/");
        assertThat(env).doesNotContainKey("SLACK_APP_TOKEN");
    }

    @Test
    void credentialsOfOutsideServicesAreDroppedUnlessExplicitlyKept() {
        Map<String, String> env = PlaygroundEnvironments.of(Map.of("GITHUB_APP_ID", "1", "GITHUB_APP_PRIVATE_KEY", "key",
                "GITHUB_ORG", "acme", "GITHUB_API_URL", "http://127.0.0.1:9/", "GOOGLE_SERVICE_ACCOUNT_JSON", "{}",
                "CAPSTAN_PLAYGROUND_KEEP", "GITHUB_API_URL, GITHUB_ORG", "CAPSTAN_ADMINS", "UADMIN001"), 3000);
        assertThat(env).doesNotContainKeys("GITHUB_APP_ID", "GITHUB_APP_PRIVATE_KEY", "GOOGLE_SERVICE_ACCOUNT_JSON")
                .containsEntry("GITHUB_ORG", "acme").containsEntry("GITHUB_API_URL", "http://127.0.0.1:9/")
                .containsEntry("CAPSTAN_ADMINS", "UADMIN001");
    }

    @Test
    void withoutAnyGitHubVariableGitHubIsThePlaygroundsPretendOne() {
        Map<String, String> env = PlaygroundEnvironments.of(Map.of(), 4321);
        assertThat(env).containsEntry("GITHUB_API_URL", "http://127.0.0.1:4321/playground/github").containsEntry("GITHUB_ORG", "acme")
                .containsKeys("GITHUB_APP_ID", "GITHUB_APP_PRIVATE_KEY", "GITHUB_WEBHOOK_SECRET");
        assertThat(PlaygroundMode.gitHubStandInSecret(env)).isEqualTo(env.get("GITHUB_WEBHOOK_SECRET"));
        Map<String, String> kept = PlaygroundEnvironments.of(Map.of("GITHUB_ORG", "mine", "CAPSTAN_PLAYGROUND_KEEP", "GITHUB_ORG"), 4321);
        assertThat(kept).doesNotContainKey("GITHUB_API_URL");
        assertThat(PlaygroundMode.gitHubStandInSecret(kept)).isNull();
    }

    @Test
    void thePretendGitHubKeyIsMadeOnlyWhenGitHubIsThePretendOne() {
        assertThat(PlaygroundMode.pretendGitHubKey(Map.of("GITHUB_ORG", "mine", "CAPSTAN_PLAYGROUND_KEEP", "GITHUB_ORG"))).isNull();
        assertThat(PlaygroundMode.pretendGitHubKey(Map.of("GITHUB_ORG", "mine")).join()).startsWith("-----BEGIN PRIVATE KEY-----");
    }
}
