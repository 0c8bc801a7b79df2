package dev.capstan.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.capstan.command.AuditEntry;
import dev.capstan.command.AuditLog;
import dev.capstan.command.AuditQuery;
import dev.capstan.command.PermanentFailure;
import dev.capstan.command.TransientFailure;
import dev.capstan.http.HttpPolicy;
import dev.capstan.http.OutboundHttp;
import dev.capstan.support.FakeJenkins;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.capstan.security.SecretMask;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one Jenkins client against a local Jenkins: folders, token or password with a crumb, the queue, the build, each caller's retry rule. */
class JenkinsClientTest {
    private final FakeJenkins jenkins = new FakeJenkins().job("ops/deploy/web", "ENV").job("cleanup");
    private final List<String> problems = new ArrayList<>();

    @AfterEach
    void stop() {
        jenkins.close();
    }

    private JenkinsClient client(String token, String password) {
        return new JenkinsAccess(jenkins.url(), "capstan", token, password).client(hosts ->
                new OutboundHttp(new NoAudit(), new SimpleMeterRegistry(), Clock.systemUTC(), new SecretMask(), millis -> { })
                        .client("test.jenkins", HttpPolicy.standard(hosts).withAttempts(1)), problems::add, new SecretMask()).orElseThrow();
    }

    @Test
    void aJobInFoldersIsBuiltWithItsParametersThenTheQueueItemNamesTheBuildOnTheAddressCapstanUses() {
        JenkinsClient client = client("api-token", null);

        String queue = client.trigger("ops/deploy/web", JenkinsClient.form(Map.of("ENV", "prod & co")), JenkinsClient.TriggerRetry.NEVER);

        assertThat(jenkins.triggers()).singleElement().satisfies(trigger -> {
            assertThat(trigger.job()).isEqualTo("ops/deploy/web");
            assertThat(trigger.parameters()).containsEntry("ENV", "prod & co");
            assertThat(trigger.headers()).doesNotContainKey("jenkins-crumb");
        });
        assertThat(queue).isEqualTo(jenkins.url() + "queue/item/1/");
        assertThat(client.queueItem(queue)).isInstanceOf(JenkinsClient.Queued.Waiting.class);
        assertThat(client.queueItem(queue)).isEqualTo(new JenkinsClient.Queued.Started(jenkins.url() + "job/ops/job/deploy/job/web/1/", 1));
        assertThat(client.build(jenkins.url() + "job/ops/job/deploy/job/web/1/")).isEqualTo(new JenkinsClient.Build(false, "SUCCESS", 61000));
    }

    @Test
    void withAPasswordTheClientFetchesACrumbAndSendsItWithItsSessionCookie() {
        jenkins.requireCrumb();

        client(null, "pass-word").trigger("cleanup", "", JenkinsClient.TriggerRetry.NEVER);

        assertThat(jenkins.triggers()).singleElement().satisfies(trigger -> {
            assertThat(trigger.headers()).containsEntry("jenkins-crumb", "crumb-1");
            assertThat(trigger.headers().get("cookie")).contains("JSESSIONID.fake=session-1");
        });
    }

    @Test
    void withAnApiTokenAJenkinsThatWantsACrumbRefusesTheBuild() {
        jenkins.requireCrumb();

        Throwable refused = catchThrowable(() -> client("api-token", null).trigger("cleanup", "", JenkinsClient.TriggerRetry.NEVER));

        assertThat(refused).isInstanceOf(PermanentFailure.class).hasMessageContaining("Jenkins refused to build `cleanup`: it answered 403");
    }

    @Test
    void aBusyJenkinsIsWorthRetryingForOneCallerAndFinalForTheOneThatMustNeverBuildTwice() {
        jenkins.answerTriggersWith(503);
        JenkinsClient client = client("api-token", null);

        assertThat(catchThrowable(() -> client.trigger("cleanup", "", JenkinsClient.TriggerRetry.WHEN_BUSY))).isInstanceOf(TransientFailure.class);
        assertThat(catchThrowable(() -> client.trigger("cleanup", "", JenkinsClient.TriggerRetry.NEVER))).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("answered 503");
    }

    @Test
    void aQueueItemJenkinsForgotIsGoneAndAnUnknownJobIsSaidSo() {
        JenkinsClient client = client("api-token", null);

        assertThat(client.queueItem(jenkins.url() + "queue/item/99/")).isInstanceOf(JenkinsClient.Queued.Gone.class);
        assertThat(client.parameters("nope")).isEmpty();
        assertThat(client.parameters("ops/deploy/web")).contains(java.util.Set.of("ENV"));
        assertThat(catchThrowable(() -> client.trigger("nope", "", JenkinsClient.TriggerRetry.WHEN_BUSY)))
                .isInstanceOf(PermanentFailure.class).hasMessage("Jenkins has no job `nope` (or the user cannot see it)");
    }

    @Test
    void aJenkinsUrlThatIsNotAWebAddressIsAProblemAndNoClient() {
        Optional<JenkinsClient> none = new JenkinsAccess("jenkins.example.com", "capstan", "t", null).client(hosts -> null, problems::add, new SecretMask());

        assertThat(none).isEmpty();
        assertThat(problems).containsExactly("JENKINS_URL must be an http(s) URL, like https://jenkins.example.com/, not `jenkins.example.com`");
    }

    /** Outbound calls audited nowhere. */
    private static final class NoAudit implements AuditLog {
        @Override
        public long record(AuditEntry entry) {
            return 0;
        }

        @Override
        public void complete(long id, String outcome, long durationMs) {
        }

        @Override
        public boolean completed(long id) {
            return false;
        }

        @Override
        public List<AuditEntry> latest(AuditQuery query) {
            return List.of();
        }
    }
}
