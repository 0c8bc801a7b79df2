package dev.capstan.features.deploy;

import static dev.capstan.features.deploy.DeployFixture.ALICE;
import static dev.capstan.features.deploy.DeployFixture.LEAD;
import static dev.capstan.features.deploy.DeployFixture.SHA_MAIN;
import static dev.capstan.features.deploy.DeployFixture.SHA_RELEASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.capstan.app.Config;
import dev.capstan.app.SlackManifest;
import dev.capstan.support.Await;
import dev.capstan.support.FakeSlack;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.SlackUser;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * What deploybot's users type and expect, in Capstan: {@code deploy <env>}, the family alone, the buttons at setup and
 * for newcomers, anyone may set up, and CircleCI's refusal of undeclared parameters put into words. The configuration
 * and the {@code .circleci/config.yml} lines are the README's, read from it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnEveryDatabase
class DeployLikeDeploybotTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STARTED = Pattern.compile("Deployment #(\\d+) of");
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @Parameter
    TestDatabases.Kind database;
    DeployFixture fx;

    @BeforeParameterizedClassInvocation
    void start() throws Exception {
        fx = new DeployFixture(database, readmeBlock("# CAPSTAN_CONFIG: deploybot's four environments"));
    }

    @AfterParameterizedClassInvocation
    void stop() {
        fx.close();
    }

    /** The README's code block that starts with {@code firstLine}. */
    static String readmeBlock(String firstLine) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```yaml\n" + firstLine);
        assertThat(start).as("a README block starting " + firstLine).isPositive();
        start += "```yaml\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    private static String newPerson() {
        return String.format("UDBOT%04d", PEOPLE.incrementAndGet());
    }

    /** Runs a command answered by a job and returns what the job said on the response_url. */
    private String later(DeployFixture.Project p, String user, String line, String ack) {
        SlashReply reply = p.run(user, line);
        assertThat(reply.text()).as("ack of " + line).contains(ack);
        return fx.app.slack().awaitPosts(reply.responseUrl(), 1).get(0).allText();
    }

    private static long deploymentNumber(String said) {
        Matcher matcher = STARTED.matcher(said);
        assertThat(matcher.find()).as("a started deployment: " + said).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    @Test
    void theFamilyAloneShowsItsCommandsLikeEveryOtherFamily() {
        DeployFixture.Project p = fx.project();
        for (String alone : List.of("/deploy", "/cimon", "/capstan deploy")) {
            assertThat(p.run(ALICE, alone).text()).as(alone).contains("*" + alone + "*", "`" + alone + " setup", "`" + alone + " hello",
                    "`" + alone + " rollback").doesNotContain("You must specify");
        }
        assertThat(p.run(ALICE, "/cimon deploy").text()).contains("You must specify what and where to deploy", "`/deploy deploy <environment>`");
    }

    @Test
    void deployingAnEnvironmentThatTakesBranchesDeploysTheDefaultBranchAndSaysWhichCommit() {
        DeployFixture.Project p = fx.project();
        String said = later(p, ALICE, "/cimon deploy preview", "Finding which ref `preview` takes by default in `" + p.repo() + "`");
        assertThat(said).contains("`preview` gets `main` (the repository's default branch), commit `" + SHA_MAIN.substring(0, 7) + "`.",
                "of `main` to `preview` requested");
        assertThat(fx.gitHubDeployment(deploymentNumber(said)).request().path("ref").asText()).isEqualTo("refs/heads/main");

        SlashReply dryRun = p.run(ALICE, "/cimon deploy preview --dry-run");
        List<FakeSlack.HookPost> posts = fx.app.slack().awaitPosts(dryRun.responseUrl(), 2);
        assertThat(posts.get(0).allText()).contains("`preview` gets `main`", "This is a dry run: nothing is created.");
        assertThat(posts.get(1).allText()).contains("Dry run: `main` to `preview`");
    }

    @Test
    void deployingAnEnvironmentOfTagsDeploysTheNewestTagItsRulesAllow() {
        DeployFixture.Project p = fx.project();
        fx.repos.ref(p.repo(), "refs/tags/v1.9.2", "9".repeat(40)).ref(p.repo(), "refs/tags/v1.10.0", "a".repeat(40))
                .ref(p.repo(), "refs/tags/v2.0.0-rc1", "b".repeat(40)).ref(p.repo(), "refs/tags/v2.0.0", "c".repeat(40))
                .ref(p.repo(), "refs/tags/zz-nightly", "d".repeat(40));
        String said = later(p, ALICE, "/deploy deploy production", "Finding which ref `production` takes by default");
        assertThat(said).contains("`production` gets `tag v2.0.0` (the newest tag its refs allow), commit `ccccccc`.",
                "of `tag v2.0.0` to `production` requested");
        assertThat(fx.gitHubDeployment(deploymentNumber(said)).request().path("ref").asText()).isEqualTo("refs/tags/v2.0.0");
    }

    @Test
    void anEnvironmentsDefaultRefIsDeployedWhenItHasOne() {
        DeployFixture.Project p = fx.project();
        String said = later(p, ALICE, "/deploy test", "Finding which ref `test` takes by default");
        assertThat(said).contains("`test` gets `release/1.2` (its `default_ref`), commit `" + SHA_RELEASE.substring(0, 7) + "`.",
                "of `release/1.2` to `test` requested");
        assertThat(p.run(ALICE, "/cimon get").text()).contains("`deploy test` takes `release/1.2`").doesNotContain("`deploy preview` takes");
    }

    @Test
    void anEnvironmentWithoutADefaultRefIsRefusedSayingHowToNameOneAndNothingIsCreated() {
        DeployFixture.Project p = fx.project();
        fx.repos.defaultBranch(p.repo(), "develop");
        String said = later(p, ALICE, "/cimon deploy preview", "Finding which ref `preview`");
        assertThat(said).contains("`preview` has no default ref", "default branch `develop`", "`/deploy <ref> to preview`", "`default_ref`");
        assertThat(fx.gitHubDeployments(p.repo())).isEmpty();
    }

    @Test
    void aDefaultRefTheEnvironmentsRefsRefuseStopsStartUpNamingTheKey() {
        Config.Invalid invalid = catchThrowableOfType(Config.Invalid.class, () -> TestApp.on(database).feature(new Deploy())
                .yaml("families:\n  deploy:\n    environments:\n      production: { refs: [\"tags/v*\"], default_ref: main }\n").start());
        assertThat(invalid.problems()).anySatisfy(problem -> assertThat(problem).contains("families.deploy.environments.production",
                "default_ref `main` is not allowed by this environment's refs"));
    }

    @Test
    void aWordThatNamesAnEnvironmentIsTheEnvironmentAndARefAlwaysComesWithToEnv() {
        DeployFixture.Project p = fx.project();
        fx.repos.ref(p.repo(), "refs/heads/staging", "e".repeat(40));
        String said = later(p, ALICE, "/deploy staging", "Finding which ref `staging`");
        assertThat(said).contains("`staging` gets `main` (the repository's default branch)");
        assertThat(p.run(ALICE, "/deploy staging to test").text()).contains("`test` is deployed only from `release*`");
        assertThat(p.run(ALICE, "/deploy deploy nowhere").text()).contains("I don't recognise the environment `nowhere`");
        assertThat(p.run(ALICE, "/deploy stagin").text()).contains("`stagin` is not a command or an environment", "Did you mean `staging`");
    }

    @Test
    void setupAsksEveryoneInTheChannelWhoTheyAreOnGitHub() {
        DeployFixture.Project p = fx.unbound();
        SlashReply ack = p.run(ALICE, "/cimon setup " + p.repo());
        FakeSlack.HookPost setUp = fx.app.slack().awaitPosts(ack.responseUrl(), 1).get(0);
        assertThat(setUp.body().path("response_type").asText()).isEqualTo("in_channel");
        assertThat(setUp.allText()).contains("Setting up `" + p.repo() + "` in this channel", "Who are you when you're not here?");
        String carol = "carol-gh-" + p.repo().substring(DeployFixture.REPO.length());
        SlashReply.Button button = new SlashReply(200, setUp.body().toString(), null).button("@" + carol);
        String person = newPerson();
        SlashReply click = fx.app.as(person).in(p.channel()).click(button);
        FakeSlack.HookPost thanks = fx.app.slack().awaitPosts(click.responseUrl(), 1).get(0);
        assertThat(thanks.allText()).contains("Thanks, now I can @ you properly");
        assertThat(thanks.body().path("replace_original").asBoolean(false)).as("the channel's message keeps its buttons").isFalse();
        assertThat(p.slow(person, "/deploy hello")).contains("I already know you as `" + carol + "`");
    }

    @Test
    void someoneJoiningABoundChannelWithoutAGitHubLoginSeesTheButtonsOnceAndAloneWhileOthersSeeNothing() {
        DeployFixture.Project p = fx.project();
        String newcomer = newPerson();
        assertThat(joins(newcomer, p.channel(), "1").status()).isEqualTo(200);
        FakeSlack.ApiCall shown = awaitButtonsFor(newcomer);
        assertThat(shown.arg("channel")).isEqualTo(p.channel());
        assertThat(shown.arg("blocks")).contains("This channel deploys `" + p.repo() + "`. Who are you when you", "@carol-gh-",
                IdentityCommands.HELLO_ACTION);

        String linked = newPerson();
        assertThat(p.slow(linked, "/deploy hello bob-gh")).containsAnyOf("Thanks, now I can @ you properly", "registered to someone else");
        boolean linkedHasLogin = p.slow(linked, "/deploy hello").contains("I already know you");
        DeployFixture.Project unbound = fx.unbound();
        String elsewhere = newPerson();
        joins(newcomer, p.channel(), "2");
        if (linkedHasLogin) joins(linked, p.channel(), "1");
        joins(elsewhere, unbound.channel(), "1");
        String sentinel = newPerson();
        joins(sentinel, p.channel(), "1");
        awaitButtonsFor(sentinel);
        assertThat(ephemeralsTo(newcomer)).as("once").hasSize(1);
        assertThat(ephemeralsTo(linked)).isEmpty();
        assertThat(ephemeralsTo(elsewhere)).isEmpty();
        assertThat(offers(newcomer)).isEqualTo(1);
        assertThat(offers(elsewhere)).isZero();
    }

    @Test
    void capstanItselfJoiningABoundChannelIsOfferedNoButtonsForItKnowsItsOwnUserIdFromSlack() {
        DeployFixture.Project p = fx.project();
        assertThat(fx.app.slack().calls("auth.test")).as("asked at start-up").isNotEmpty();

        assertThat(joins(FakeSlack.BOT_USER_ID, p.channel(), "1").status()).isEqualTo(200);
        String sentinel = newPerson();
        joins(sentinel, p.channel(), "1");
        awaitButtonsFor(sentinel);

        assertThat(offers(FakeSlack.BOT_USER_ID)).isZero();
        assertThat(ephemeralsTo(FakeSlack.BOT_USER_ID)).isEmpty();
    }

    @Test
    void theManifestSubscribesToMemberJoinedChannelWithItsScopes() {
        String manifest = new SlackManifest(fx.app.capstan().commands(), fx.app.capstan().events()).yaml("https://capstan.example", false);
        assertThat(manifest).contains("member_joined_channel", "channels:read", "groups:read");
    }

    @Test
    void anyoneInTheChannelMaySetItUpAndChangeItsSettingsLikeInDeploybot() {
        DeployFixture.Project p = fx.unbound();
        String member = newPerson();
        assertThat(p.slow(member, "/deploy setup " + p.repo())).contains("Setting up `" + p.repo() + "`");
        assertThat(p.run(member, "/deploy set basedomain example.com").text()).contains("basedomain");
        assertThat(p.run(member, "/deploy unset basedomain").text()).doesNotContain("can't run");
        assertThat(p.run(member, "/deploy reset").text()).contains("Removed this channel's configuration for `" + p.repo() + "`");
        assertThat(p.run(LEAD, "/deploy help").text()).contains("`/deploy setup");
    }

    @Test
    void circleCisRefusalOfAnUndeclaredParameterSaysWhatToAddToConfigYmlAndTheReadmesLinesAreEnough() throws Exception {
        DeployFixture.Project p = fx.project();
        String project = "gh/" + p.repo();
        fx.circleCi.declare(project, "deploy_env", "capstan_deployment_id");
        long refused = p.deploy(ALICE, "/deploy main to staging");
        String message = fx.awaitState(refused, "errored");
        assertThat(message).contains("CircleCI does not know the pipeline parameter `capstan_sha`", "`.circleci/config.yml`",
                "capstan_sha: { type: string, default: \"\" }").doesNotContain("HTTP 400", "Unexpected argument");
        assertThat(fx.circleCi.triggers()).noneMatch(t -> t.project().equals(project));

        List<String> declared = new ArrayList<>();
        new YAMLMapper().readTree(readmeBlock("# .circleci/config.yml")).path("parameters").fieldNames().forEachRemaining(declared::add);
        fx.circleCi.declare(project, declared.toArray(String[]::new));
        long accepted = p.deploy(ALICE, "/deploy main to staging");
        fx.awaitState(accepted, "queued");
        assertThat(fx.circleCi.triggers()).anySatisfy(t -> {
            assertThat(t.project()).isEqualTo(project);
            assertThat(t.body().path("parameters").path("capstan_sha").asText()).isEqualTo(SHA_MAIN);
        });
    }

    private SlashReply joins(String userId, String channel, String attempt) {
        ObjectNode event = JSON.createObjectNode().put("type", "member_joined_channel").put("user", userId).put("channel", channel)
                .put("channel_type", "C").put("team", "T0TEST").put("event_ts", "1700000000.000300");
        return SlackUser.event(fx.app, "Ev-joined-" + userId + "-" + channel + "-" + attempt, event, Map.of());
    }

    private List<FakeSlack.ApiCall> ephemeralsTo(String userId) {
        return fx.app.slack().calls("chat.postEphemeral").stream().filter(c -> userId.equals(c.arg("user"))).toList();
    }

    private FakeSlack.ApiCall awaitButtonsFor(String userId) {
        return Await.until(() -> ephemeralsTo(userId), calls -> !calls.isEmpty(), Duration.ofSeconds(20),
                "the buttons for " + userId).get(0);
    }

    private int offers(String userId) {
        return fx.app.capstan().database().jdbi().withHandle(h -> h.createQuery("select count(*) from deploy_claim_offers where user_id = :u")
                .bind("u", userId).mapTo(Integer.class).one());
    }
}
