package dev.capstan.features.deploy;

import static dev.capstan.features.deploy.DeployFixture.ALICE;
import static dev.capstan.features.deploy.DeployFixture.BOB;
import static dev.capstan.features.deploy.DeployFixture.SHA_FEATURE;
import static dev.capstan.features.deploy.DeployFixture.SHA_V1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.support.Await;
import dev.capstan.support.FakeCircleCi;
import dev.capstan.support.FakeGitHubRepos;
import dev.capstan.support.FakeJenkinsQueue;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.TestDatabases;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** Each CI adapter's whole life, and GitHub's deployment statuses arriving late, twice or out of order. */
@OnEveryDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeployAdaptersTest {
    @Parameter
    TestDatabases.Kind database;
    DeployFixture fx;

    @BeforeParameterizedClassInvocation
    void start() {
        fx = new DeployFixture(database);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        fx.close();
    }

    private List<String> gitHubStates(long id, int atLeast) {
        FakeGitHubRepos.FakeDeployment d = fx.gitHubDeployment(id);
        return Await.until(d::states, s -> s.size() >= atLeast, Duration.ofSeconds(20), atLeast + " statuses of #" + id);
    }

    @Test
    void withoutCiTheDeploymentFollowsGitHubsStatusesWhichNeverMoveItBack() {
        DeployFixture.Project p = fx.project();
        long id = p.deploy(ALICE, "/deploy main to preview");
        fx.awaitState(id, "created on GitHub");
        long githubId = fx.gitHubDeployment(id).id();
        assertThat(fx.gitHubEvent("deployment_status", "d-" + id + "-1", p.deploymentStatus(githubId, id, "in_progress",
                "https://ci.example.com/run/1")).body()).contains("in progress");
        fx.awaitState(id, "in progress");
        assertThat(fx.gitHubEvent("deployment_status", "d-" + id + "-2", p.deploymentStatus(githubId, id, "success", null)).body())
                .contains("succeeded");
        String done = fx.awaitState(id, "succeeded");
        assertThat(done).contains("<https://ci.example.com/run/1|none (a deployment service reacting to GitHub) log>", "Took");
        int versions = fx.versions(id).size();
        assertThat(fx.gitHubEvent("deployment_status", "d-" + id + "-1", p.deploymentStatus(githubId, id, "in_progress", null)).body())
                .isEqualTo("already handled");
        assertThat(fx.gitHubEvent("deployment_status", "d-" + id + "-late", p.deploymentStatus(githubId, id, "queued", null)).body())
                .contains("unchanged");
        assertThat(fx.gitHubEvent("deployment_status", "d-" + id + "-3", p.deploymentStatus(githubId, id, "failure", null)).body())
                .contains("unchanged");
        assertThat(fx.versions(id)).hasSize(versions).last().asString().contains("succeeded");
        assertThat(fx.gitHubDeployment(id).states()).isEmpty();
    }

    @Test
    void aStatusThatArrivesBeforeTheCreateJobStoredTheIdIsMatchedByItsPayload() {
        DeployFixture.Project p = fx.project();
        long id = p.deploy(BOB, "/deploy main to preview");
        assertThat(fx.gitHubEvent("deployment_status", p.deploymentStatus(555_000 + id, id, "in_progress", null)).body()).contains("in progress");
        fx.awaitState(id, "in progress");
    }

    @Test
    void aBadEndingIsToldToTheRequesterInADirectMessage() {
        DeployFixture.Project p = fx.project();
        String person = "UFAIL0001";
        long id = p.deploy(person, "/deploy main to preview");
        long githubId = fx.gitHubDeployment(id).id();
        fx.gitHubEvent("deployment_status", p.deploymentStatus(githubId, id, "failure", null));
        assertThat(fx.awaitState(id, "failed")).contains("GitHub: failure by the deploy service");
        assertThat(fx.app.slack().awaitDms(person, 1).get(0).arg("text")).contains("Your deployment of `main` to `preview`", "failed");
        assertThat(p.run(ALICE, "/deploy main to preview").text()).as("the environment is free again").contains("requested");
    }

    @Test
    void circleCiRunsAPipelineAndItsSignedWebhooksFinishTheDeployment() {
        DeployFixture.Project p = fx.project();
        long id = p.deploy(ALICE, "/deploy feature/Login-Page to staging");
        fx.awaitState(id, "queued");
        FakeCircleCi.Trigger trigger = fx.circleCi.triggers().stream().filter(t -> t.project().equals("gh/" + p.repo())).findFirst().orElseThrow();
        JsonNode body = trigger.body();
        assertThat(body.path("branch").asText()).isEqualTo("feature/Login-Page");
        assertThat(body.path("parameters").path("deploy_env").asText()).isEqualTo("staging");
        assertThat(body.path("parameters").path("capstan_deployment_id").asLong()).isEqualTo(fx.gitHubDeployment(id).id());
        assertThat(body.path("parameters").path("capstan_sha").asText()).isEqualTo(SHA_FEATURE);
        assertThat(fx.message(id)).contains("/pipelines/gh/" + p.repo() + "/" + trigger.number());
        assertThat(fx.circleCiEvent(FakeCircleCi.jobCompleted("job-" + id, trigger.pipelineId())).status()).isEqualTo(200);
        fx.awaitState(id, "in progress");
        String completed = FakeCircleCi.workflowCompleted("wf-" + id, trigger.pipelineId(), "success");
        assertThat(fx.circleCiEvent(completed).body()).contains("succeeded");
        assertThat(fx.circleCiEvent(completed).body()).isEqualTo("already handled");
        fx.awaitState(id, "succeeded");
        assertThat(gitHubStates(id, 3)).containsExactly("queued", "in_progress", "success");
        assertThat(fx.gitHubDeployment(id).statuses().get(0).path("log_url").asText()).contains("/pipelines/gh/" + p.repo());
    }

    @Test
    void anUnsignedOrWronglySignedCircleCiWebhookIsRefused() {
        String body = FakeCircleCi.workflowCompleted("wf-unsigned", "nope", "success");
        assertThat(fx.app.rawPost("/circleci/webhook", body, "application/json", java.util.Map.of()).status()).isEqualTo(401);
        assertThat(fx.app.rawPost("/circleci/webhook", body, "application/json",
                java.util.Map.of("circleci-signature", "v1=" + "0".repeat(64))).status()).isEqualTo(401);
    }

    @Test
    void aPipelineCircleCiRefusesEndsTheDeploymentInErrorWithItsReason() {
        DeployFixture.Project p = fx.project();
        fx.circleCi.refuseNext("Unexpected argument(s): capstan_sha");
        long id = p.deploy(ALICE, "/deploy main to staging");
        assertThat(fx.awaitState(id, "errored")).contains("CircleCI does not know the pipeline parameter `capstan_sha`");
        assertThat(gitHubStates(id, 1)).containsExactly("error");
    }

    @Test
    void jenkinsBuildsTheJobAndAPollingJobFollowsItsQueueItemAndBuildToTheEnd() {
        DeployFixture.Project p = fx.project();
        int before = fx.jenkins.queued().size();
        long id = p.deploy(ALICE, "/deploy v1.0.0 to production");
        FakeJenkinsQueue.Queued queued = awaitQueued(before);
        assertThat(queued.jobPath()).isEqualTo("/job/deploy/job/web");
        assertThat(queued.parameters()).containsEntry("ENV", "production").containsEntry("REF", "v1.0.0").containsEntry("SHA", SHA_V1);
        fx.awaitState(id, "queued");
        int build = fx.jenkins.start(queued.queueId());
        assertThat(fx.awaitState(id, "in progress")).contains(fx.jenkins.url() + "/job/deploy/job/web/" + build + "/");
        fx.jenkins.finish(build, "SUCCESS");
        fx.awaitState(id, "succeeded");
        assertThat(gitHubStates(id, 3)).containsExactly("queued", "in_progress", "success");
        assertThat(fx.gitHubDeployment(id).statuses().get(2).path("log_url").asText()).endsWith("/" + build + "/");
    }

    @Test
    void aFailedJenkinsBuildFailsTheDeploymentAndAForgottenQueueItemEndsItInError() {
        DeployFixture.Project p = fx.project();
        int before = fx.jenkins.queued().size();
        long failed = p.deploy("UJENKINS1", "/deploy v1.0.0 to production");
        FakeJenkinsQueue.Queued first = awaitQueued(before);
        int build = fx.jenkins.start(first.queueId());
        fx.awaitState(failed, "in progress");
        fx.jenkins.finish(build, "FAILURE");
        assertThat(fx.awaitState(failed, "failed")).contains("Jenkins: FAILURE");
        assertThat(fx.app.slack().awaitDms("UJENKINS1", 1).get(0).arg("text")).contains("failed");
        int queuedBefore = fx.jenkins.queued().size();
        long lost = p.deploy(ALICE, "/deploy v1.0.0 to production");
        FakeJenkinsQueue.Queued second = awaitQueued(queuedBefore);
        fx.jenkins.forget(second.queueId());
        assertThat(fx.awaitState(lost, "errored")).contains("Jenkins no longer knows the queue item");
    }

    @Test
    void gitHubActionsGetsTheDeploymentIdAsAnInputAndWorkflowRunEventsFinishIt() {
        DeployFixture.Project p = fx.project();
        long id = p.deploy(ALICE, "/deploy main to preview-gha");
        String queued = fx.awaitState(id, "queued");
        long githubId = fx.gitHubDeployment(id).id();
        JsonNode dispatch = fx.repos.dispatches().stream().filter(d -> d.path("inputs").path("deployment_id").asText().equals(Long.toString(githubId)))
                .findFirst().orElseThrow();
        assertThat(dispatch.path("ref").asText()).isEqualTo("main");
        long runId = fx.repos.latestRunId();
        assertThat(queued).contains("/actions/runs/" + runId);
        fx.gitHubEvent("workflow_run", workflowRun(p, runId, "Deploy " + githubId, "in_progress", null));
        fx.awaitState(id, "in progress");
        fx.gitHubEvent("workflow_run", workflowRun(p, runId, "Deploy " + githubId, "completed", "success"));
        fx.awaitState(id, "succeeded");
        assertThat(gitHubStates(id, 3)).containsExactly("queued", "in_progress", "success");
    }

    @Test
    void onAServerWithoutRunDetailsTheRunIsFoundByTheDeploymentIdInItsTitle() {
        DeployFixture.Project p = fx.project();
        fx.repos.runDetails(false);
        try {
            long id = p.deploy(BOB, "/deploy main to preview-gha");
            long runId = Await.until(() -> fx.message(id).contains("/actions/runs/") ? fx.repos.latestRunId() : 0L, r -> r > 0,
                    Duration.ofSeconds(20), "the run found");
            long githubId = fx.gitHubDeployment(id).id();
            fx.gitHubEvent("workflow_run", workflowRun(p, runId, "Deploy " + githubId, "completed", "failure"));
            assertThat(fx.awaitState(id, "failed")).contains("GitHub Actions run: failure");
        } finally {
            fx.repos.runDetails(true);
        }
    }

    /** The queue item after the {@code before} ones Jenkins had already. */
    private FakeJenkinsQueue.Queued awaitQueued(int before) {
        return Await.until(() -> fx.jenkins.queued().size() > before ? fx.jenkins.queued().get(before) : null,
                q -> q != null, Duration.ofSeconds(20), "Jenkins queue item " + (before + 1));
    }

    private static String workflowRun(DeployFixture.Project p, long runId, String title, String status, String conclusion) {
        return "{\"action\":\"" + (status.equals("completed") ? "completed" : "in_progress") + "\",\"workflow_run\":{\"id\":" + runId
                + ",\"name\":\"deploy\",\"display_title\":\"" + title + "\",\"status\":\"" + status + "\",\"conclusion\":"
                + (conclusion == null ? "null" : "\"" + conclusion + "\"") + ",\"html_url\":\"https://github.com/" + p.repo()
                + "/actions/runs/" + runId + "\"}," + p.repository() + "}";
    }
}
