package dev.capstan.features.deploy;

import static dev.capstan.features.deploy.DeployFixture.ALICE;
import static dev.capstan.features.deploy.DeployFixture.BOB;
import static dev.capstan.features.deploy.DeployFixture.SHA_FEATURE;
import static dev.capstan.features.deploy.DeployFixture.SHA_MAIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.FakeGitHubRepos;
import dev.capstan.support.SlashReply;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code /deploy stats}: the four delivery metrics of histories made through the real app on a fixed clock, with no
 * public URL configured, so the trend comes as text bars.
 */
class DeployStatsConversationsTest extends DeployPolicyConversation {

    private long ended(DeployFixture.Project p, String user, String line, String state, String label) {
        long id = p.deploy(user, line);
        FakeGitHubRepos.FakeDeployment created = fx.gitHubDeployment(id);
        assertThat(fx.gitHubEvent("deployment_status", p.deploymentStatus(created.id(), created.sha(), id, state, null)).status()).isEqualTo(200);
        fx.awaitState(id, label);
        fx.app.awaitJobsDone();
        return id;
    }

    private long succeeded(DeployFixture.Project p, String user, String line) {
        return ended(p, user, line, "success", "succeeded");
    }

    private void later(Duration by) {
        fx.clock.set(fx.clock.instant().plus(by));
    }

    @Test
    void aChannelWithNoDeploymentsHearsThatNothingEndedAndWhichReportTheBandsComeFrom() {
        DeployFixture.Project p = fx.project();
        String reply = p.run(ALICE, "/deploy stats").text();
        assertThat(reply).contains("Delivery metrics of " + p.repo() + ", last 30 days", "DORA's Accelerate State of DevOps Report 2023",
                "*staging*: no deployments ended in these 30 days.", "*production*: no deployments ended in these 30 days.");
    }

    @Test
    void leadTimeRunsFromTheOldestNewCommitAndAFirstDeploymentHasNoCommitsToCompare() {
        DeployFixture.Project p = fx.project();
        succeeded(p, ALICE, "/deploy main to staging");
        later(Duration.ofHours(2));
        fx.repos.comparison(p.repo(), SHA_MAIN, SHA_FEATURE, "ahead", 2, 0,
                new FakeGitHubRepos.Commit("b1", "alice-gh", "Alice", "Add the login page", fx.clock.instant().minus(Duration.ofHours(5))),
                new FakeGitHubRepos.Commit("b2", "bob-gh", "Bob", "Style it", fx.clock.instant().minus(Duration.ofHours(1))));
        succeeded(p, BOB, "/deploy feature/Login-Page to staging");

        String reply = p.run(ALICE, "/deploy stats staging --days 7").text();
        assertThat(reply).contains("*staging*", "Deployment frequency: 2 successful deployments, 2.0 a week :large_green_circle: high",
                "Lead time for changes: 5h (median of 1) :star2: elite",
                "1 deployment had no new commits to compare (a first deployment, the same commit again, or a rollback)",
                "Change failure rate: 0% (0 of 2) :star2: elite", "Time to restore: nothing to restore");
        assertThat(reply).doesNotContain("*production*");
    }

    @Test
    void theSameCommitAgainBringsNoCommitsToCompare() {
        DeployFixture.Project p = fx.project();
        succeeded(p, ALICE, "/deploy main to staging");
        later(Duration.ofHours(1));
        succeeded(p, ALICE, "/deploy main to staging");
        assertThat(p.run(ALICE, "/deploy stats staging").text()).contains("Lead time for changes: not measured",
                "2 deployments had no new commits to compare");
    }

    @Test
    void aFailedDeploymentCountsAsAFailedChangeAndTheNextSuccessRestoresIt() {
        DeployFixture.Project p = fx.project();
        succeeded(p, ALICE, "/deploy main to staging");
        later(Duration.ofHours(1));
        ended(p, BOB, "/deploy feature/Login-Page to staging", "failure", "failed");
        later(Duration.ofMinutes(30));
        succeeded(p, ALICE, "/deploy main to staging");

        String reply = p.run(ALICE, "/deploy stats staging").text();
        assertThat(reply).contains("Change failure rate: 33% (1 of 3) :red_circle: low", "Time to restore: 30m (median of 1) :star2: elite");
        assertThat(reply).contains("███░").as("a text bar with one failed change in three");
    }

    @Test
    void theSameFiguresAreGaugesOnMetricsPerRepositoryAndEnvironment() throws Exception {
        DeployFixture.Project p = fx.project();
        succeeded(p, ALICE, "/deploy main to staging");
        later(Duration.ofHours(1));
        ended(p, BOB, "/deploy feature/Login-Page to staging", "failure", "failed");
        later(Duration.ofMinutes(20));
        succeeded(p, ALICE, "/deploy main to staging");
        later(Duration.ofMinutes(2));

        metrics();
        String tags = "{environment=\"staging\",repository=\"" + p.repo() + "\"}";
        assertThat(metrics()).contains("capstan_deploy_change_failure_rate" + tags + " 0.3333333333333333",
                "capstan_deploy_time_to_restore_seconds" + tags + " 1200.0", "capstan_deploy_frequency" + tags + " 0.06666666666666667",
                "capstan_deploy_lead_time_seconds" + tags + " NaN",
                "capstan_deploy_band{environment=\"staging\",metric=\"change_failure_rate\",repository=\"" + p.repo() + "\"} 1.0",
                "capstan_deploy_band{environment=\"staging\",metric=\"time_to_restore\",repository=\"" + p.repo() + "\"} 4.0");
    }

    /** What Prometheus scrapes; the first scrape after a minute reads the database again and registers new environments. */
    private String metrics() throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(fx.app.baseUrl() + "/metrics"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void theRestApiAnswersTheSameFiguresAsJsonOnlyWithAnAdminsToken() throws Exception {
        DeployFixture.Project p = fx.project();
        ended(p, ALICE, "/deploy main to staging", "failure", "failed");
        later(Duration.ofMinutes(45));
        succeeded(p, ALICE, "/deploy main to staging");
        String path = "/api/deploy/stats?repository=" + p.repo() + "&environment=staging&days=7";
        assertThat(get(path, null).statusCode()).isEqualTo(401);
        assertThat(p.run(ALICE, "/deploy token create grafana").text()).doesNotContain("Token `grafana` created");

        String created = p.run(DeployFixture.ADMIN, "/deploy token create grafana" + p.channel()).text();
        String secret = created.replaceAll("(?s).*`(cds_[A-Za-z0-9_-]+)`.*", "$1");
        var answer = get(path, secret);
        assertThat(answer.statusCode()).isEqualTo(200);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body());
        assertThat(json.path("bands").asText()).isEqualTo("DORA's Accelerate State of DevOps Report 2023");
        var staging = json.path("environments").get(0);
        assertThat(staging.path("environment").asText()).isEqualTo("staging");
        assertThat(staging.path("change_failure_rate").path("failed").asInt()).isEqualTo(1);
        assertThat(staging.path("change_failure_rate").path("band").asText()).isEqualTo("low");
        assertThat(staging.path("time_to_restore").path("median_seconds").asLong()).isEqualTo(45 * 60);
        assertThat(staging.path("lead_time").path("median_seconds").isNull()).isTrue();
        assertThat(get("/api/deploy/stats?repository=" + p.repo() + "&days=0", secret).statusCode()).isEqualTo(400);
    }

    private java.net.http.HttpResponse<String> get(String path, String token) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(fx.app.baseUrl() + path));
        if (token != null) request.header("Authorization", "Bearer " + token);
        return java.net.http.HttpClient.newHttpClient().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void deploymentsThatAllFailedAreNotRestoredYet() {
        DeployFixture.Project p = fx.project();
        ended(p, ALICE, "/deploy main to staging", "failure", "failed");
        later(Duration.ofMinutes(10));
        ended(p, ALICE, "/deploy main to staging", "error", "errored");
        assertThat(p.run(ALICE, "/deploy stats staging").text()).contains("Deployment frequency: 0 successful deployments, 0.0 a week :red_circle: low",
                "Change failure rate: 100% (2 of 2) :red_circle: low", "Time to restore: not restored yet");
    }

    @Test
    void aRollbackWithinADayMakesWhatItUndidAFailedChange() {
        DeployFixture.Project p = fx.project();
        long good = succeeded(p, ALICE, "/deploy main to staging");
        later(Duration.ofHours(1));
        succeeded(p, BOB, "/deploy feature/Login-Page to staging");
        later(Duration.ofHours(1));
        SlashReply proposal = p.run(ALICE, "/deploy rollback staging");
        SlashReply confirmed = fx.app.as(ALICE).in(p.channel()).click(proposal.button("Confirm"));
        String said = fx.app.slack().awaitPosts(confirmed.responseUrl(), 1).get(0).allText();
        long rollback = Long.parseLong(said.replaceAll("(?s).*Deployment #(\\d+).*", "$1"));
        FakeGitHubRepos.FakeDeployment created = fx.gitHubDeployment(rollback);
        fx.gitHubEvent("deployment_status", p.deploymentStatus(created.id(), SHA_MAIN, rollback, "success", null));
        fx.awaitState(rollback, "succeeded");
        fx.app.awaitJobsDone();

        String reply = p.run(ALICE, "/deploy stats staging").text();
        assertThat(reply).contains("Change failure rate: 33% (1 of 3) :red_circle: low", "3 successful deployments");
        assertThat(good).isLessThan(rollback);
    }

    @Test
    void badDaysAndUnknownEnvironmentsAreRefused() {
        DeployFixture.Project p = fx.project();
        assertThat(p.run(ALICE, "/deploy stats --days 0").text()).contains("`--days` is a number of days from 1 to 365.");
        assertThat(p.run(ALICE, "/deploy stats nowhere").text()).doesNotContain("Delivery metrics");
    }
}
