package dev.capstan.features.deploy;

import static dev.capstan.features.deploy.DeployFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.capstan.app.Config;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The `deploy` section: the two issues' examples start as written, no section means the seed's rules, mistakes name their key. */
class DeploySettingsTest {
    static final String POLICY_YAML = """
            families:
              deploy:
                environments:
                  production:
                    refs: ["tags/v*"]
                    deployers: { role: member }
                    approvals: { count: 1, from: { role: team_lead }, self_approval: false, timeout: 30m }
                    freeze:
                      - { cron: "0 16 * * FRI", duration: 64h, zone: Europe/Stockholm }
                      - { from: "2026-12-23T00:00", to: "2027-01-02T00:00", zone: Europe/Stockholm }
                    emergency: { role: admin }
                    watchdog: 5m
                    queue: false
            """;

    @Test
    void thePolicyExampleOfTheSafetyIssueStartsAndGetShowsIt() {
        try (DeployFixture fx = new DeployFixture(TestDatabases.Kind.H2, POLICY_YAML)) {
            DeployFixture.Project p = fx.project();
            assertThat(p.run(ALICE, "/deploy get").text()).contains("`production` from `tags/v*`", "deployed by someone with role member or above",
                    "needs 1 approval from someone with role team_lead or above", "2 freeze windows (`/deploy freeze list`), overridden by "
                    + "someone with role admin", "watchdog 5m").doesNotContain("`staging`", "queues");
        }
    }

    @Test
    void withoutADeploySectionTheSeedsEnvironmentsAndRulesApply() {
        try (DeployFixture fx = new DeployFixture(TestDatabases.Kind.H2, "")) {
            DeployFixture.Project p = fx.project();
            assertThat(p.run(ALICE, "/deploy get").text()).contains("`preview` from `main`, `master`", "`test` from `release*`",
                    "`staging` from `*`", "`production` from `tags/v*`, `tags/[0-9]*`");
            assertThat(p.run(ALICE, "/deploy 2024.1 to production").text()).contains("requested");
            assertThat(p.run(ALICE, "/deploy main to production").text()).contains("deployed only from");
        }
    }

    @Test
    void anUnknownKeyOrABadValueStopsStartUpNamingItsPath() {
        Config.Invalid unknown = catchThrowableOfType(Config.Invalid.class, () -> TestApp.on(TestDatabases.Kind.H2).feature(new Deploy())
                .yaml("families:\n  deploy:\n    environments:\n      staging: { refs: [\"*\"], cii: {} }\n").start());
        assertThat(unknown.problems()).anySatisfy(p -> assertThat(p).contains("families.deploy.environments.staging", "unknown key `cii`", "`ci`"));
        Config.Invalid twoCis = catchThrowableOfType(Config.Invalid.class, () -> TestApp.on(TestDatabases.Kind.H2).feature(new Deploy())
                .yaml("families:\n  deploy:\n    environments:\n      staging: { refs: [\"*\"], ci: { circleci: {}, jenkins: { job: x } } }\n").start());
        assertThat(twoCis.problems()).anySatisfy(p -> assertThat(p).contains("families.deploy.environments.staging.ci", "one of circleci, jenkins or github_actions"));
        Config.Invalid noRefs = catchThrowableOfType(Config.Invalid.class, () -> TestApp.on(TestDatabases.Kind.H2).feature(new Deploy())
                .yaml("families:\n  deploy:\n    environments:\n      staging: { auto: { push: [main] } }\n").start());
        assertThat(noRefs.problems()).anySatisfy(p -> assertThat(p).contains("families.deploy.environments.staging.refs: must list"));
        Config.Invalid zone = catchThrowableOfType(Config.Invalid.class, () -> TestApp.on(TestDatabases.Kind.H2).feature(new Deploy())
                .yaml(POLICY_YAML.replaceFirst("Europe/Stockholm", "Mars/Olympus")).start());
        assertThat(zone.problems()).anySatisfy(p -> assertThat(p).contains("families.deploy.environments.production.freeze[0]"));
    }

    @Test
    void invalidPolicyStopsStartUpNamingTheKeysPath() {
        String at = "families.deploy.environments.production.";
        assertThat(problems("freeze: [ { cron: \"0 25 * * FRI\", duration: 64h, zone: Europe/Stockholm } ]"))
                .anySatisfy(p -> assertThat(p).startsWith(at + "freeze[0].cron: must have five fields").contains("not `0 25 * * FRI`"));
        assertThat(problems("freeze: [ { cron: \"0 16 * * FRI\", duration: 64h, zone: Mars/Olympus } ]"))
                .anySatisfy(p -> assertThat(p).startsWith(at + "freeze[0].zone: `Mars/Olympus` is not"));
        assertThat(problems("freeze: [ { cron: \"0 16 * * FRI\", zone: UTC } ]")).anySatisfy(p -> assertThat(p).startsWith(at + "freeze[0].duration:"));
        assertThat(problems("freeze: [ { from: \"2026-12-23T00:00\", to: \"2026-12-01T00:00\", zone: UTC } ]"))
                .anySatisfy(p -> assertThat(p).isEqualTo(at + "freeze[0].to: must come after from"));
        assertThat(problems("approvals: { count: 1, from: { } }"))
                .anySatisfy(p -> assertThat(p).isEqualTo(at + "approvals.from: needs a role or users (who may approve)"));
        assertThat(problems("approvals: { count: 1 }")).anySatisfy(p -> assertThat(p).startsWith(at + "approvals.from: must name who may approve"));
        assertThat(problems("approvals: { count: 3, from: { users: [U1234567, U7654321] } }"))
                .anySatisfy(p -> assertThat(p).isEqualTo(at + "approvals.count: must not exceed the 2 users who may approve"));
        assertThat(problems("deployers: { }")).anySatisfy(p -> assertThat(p).isEqualTo(at + "deployers: needs a role or users (who may deploy)"));
        assertThat(problems("deployers: { users: [U0ALICE01, bob] }"))
                .anySatisfy(p -> assertThat(p).isEqualTo(at + "deployers.users[1]: `bob` is not a Slack user id (U… or W…)"));
        assertThat(problems("deployers: { teams: [ops] }")).anySatisfy(p -> assertThat(p).startsWith(at + "deployers.teams: must be left out"));
        assertThat(problems("emergency: { }")).anySatisfy(p -> assertThat(p).startsWith(at + "emergency: needs a role or users"));
        assertThat(problems("watchdog: 0s")).anySatisfy(p -> assertThat(p).isEqualTo(at + "watchdog: must be above zero"));
    }

    private static List<String> problems(String policy) {
        Config.Invalid invalid = catchThrowableOfType(Config.Invalid.class, () -> TestApp.on(TestDatabases.Kind.H2).feature(new Deploy())
                .yaml("families:\n  deploy:\n    environments:\n      production: { refs: [\"tags/v*\"], " + policy + " }\n").start());
        assertThat(invalid).as("start-up with " + policy).isNotNull();
        return invalid.problems();
    }
}
