package dev.capstan.features.deploy;

import static dev.capstan.features.deploy.DeployFixture.ADMIN;
import static dev.capstan.features.deploy.DeployFixture.ALICE;
import static dev.capstan.features.deploy.DeployFixture.BOB;
import static dev.capstan.features.deploy.DeployFixture.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.SlashReply;
import dev.capstan.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** Binding a channel to a repository, its URL settings, and who you are on GitHub: the seed's commands with its bugs fixed. */
@OnEveryDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeploySetupConversationsTest {
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

    @Test
    void setupWithoutARepositoryOrWithAMalformedOneSaysWhatItWants() {
        DeployFixture.Project p = fx.unbound();
        assertThat(p.slow(LEAD, "/deploy setup")).contains("You need to tell me which repo");
        assertThat(p.slow(LEAD, "/deploy setup web")).contains("two parts, `owner/repo`");
        assertThat(p.slow(LEAD, "/deploy setup acme/web/extra")).contains("two parts");
    }

    @Test
    void setupChecksThatTheGitHubAppCanSeeTheRepository() {
        DeployFixture.Project p = fx.unbound();
        assertThat(p.slow(LEAD, "/deploy setup acme/secret-repo")).contains("The GitHub App cannot see `acme/secret-repo`", "Nothing was changed");
        assertThat(p.run(ALICE, "/deploy get").text()).contains("not set up for a repository");
    }

    @Test
    void setupRefusesTheSeedsThreeCases() {
        DeployFixture.Project p = fx.project();
        assertThat(p.slow(LEAD, "/deploy setup " + p.repo())).contains("already set up in this channel");
        DeployFixture.Project other = fx.unbound();
        assertThat(other.slow(LEAD, "/deploy setup " + p.repo())).contains("already set up in <#" + p.channel() + ">", "Only one channel per repo");
        assertThat(p.slow(LEAD, "/deploy setup " + other.repo())).contains("already set up for `" + p.repo() + "`", "Only one repo per channel");
    }

    @Test
    void resetRemovesTheBindingAndSaysWhenThereWasNone() {
        DeployFixture.Project p = fx.project();
        SlashReply reset = p.run(LEAD, "/deploy reset");
        assertThat(reset.text()).contains("Removed this channel's configuration for `" + p.repo() + "`");
        assertThat(reset.responseType()).isEqualTo("in_channel");
        assertThat(p.run(LEAD, "/deploy reset").text()).contains("No config found for this channel");
        assertThat(p.slow(LEAD, "/deploy setup " + p.repo())).contains("Setting up");
    }

    @Test
    void setAndUnsetChangeTheEnvironmentLinksAndGetShowsThem() {
        DeployFixture.Project p = fx.project();
        assertThat(p.run(ALICE, "/deploy get").text()).contains("currently set up for `" + p.repo() + "`", "basedomain: --NOT SET--",
                "`production` from `tags/v*`, `tags/[0-9]*`", "CI: jenkins");
        assertThat(p.run(LEAD, "/deploy set BaseDomain example.com").text()).contains("Great, I've set basedomain to `example.com`");
        assertThat(p.run(LEAD, "/deploy set urlseparator -").text()).contains("set urlseparator to `-`");
        assertThat(p.run(LEAD, "/deploy set url staging stage.example.org").text()).contains("url of `staging` to `stage.example.org`");
        assertThat(p.run(LEAD, "/deploy set url test test.example.org").text()).contains("url of `test`");
        assertThat(p.run(ALICE, "/deploy config").text()).contains("https://production-example.com/", "https://stage.example.org",
                "`staging` → `stage.example.org`");
        assertThat(p.run(LEAD, "/deploy unset url staging").text()).contains("Unset url of `staging`");
        String after = p.run(ALICE, "/deploy get").text();
        assertThat(after).contains("https://staging-example.com/", "`test` → `test.example.org`").doesNotContain("stage.example.org");
        assertThat(p.run(LEAD, "/deploy unset basedomain").text()).contains("Unset basedomain");
        assertThat(p.run(ALICE, "/deploy get").text()).contains("basedomain: --NOT SET--");
    }

    @Test
    void setRefusesAPatternWithoutAllThreeVariablesAndNamesAnUnknownSetting() {
        DeployFixture.Project p = fx.project();
        assertThat(p.run(LEAD, "/deploy set urlpattern https://{environment}.example.com").text())
                .contains("must contain all of `{environment}`, `{urlseparator}` and `{basedomain}`", "nothing was changed");
        assertThat(p.run(LEAD, "/deploy set baseurl example.com").text()).contains("`baseurl` is not a setting");
        assertThat(p.run(LEAD, "/deploy unset colour").text()).contains("`colour` is not a setting");
        assertThat(p.run(LEAD, "/deploy set basedomain").text()).contains("needs a single value");
        assertThat(p.run(LEAD, "/deploy set url staging").text()).contains("needs two values");
        assertThat(p.run(LEAD, "/deploy set url moon moon.example.com").text()).contains("don't recognise the environment `moon`");
        assertThat(p.run(LEAD, "/deploy set").text()).contains("Settings:", "urlpattern");
        assertThat(p.run(LEAD, "/deploy set urlpattern https://{environment}{urlseparator}{basedomain}/app").text()).contains("Great");
    }

    @Test
    void helloOffersTheUnclaimedCollaboratorsAndAClickLinksThePerson() {
        DeployFixture.Project p = fx.project();
        String person = "UHELLO001";
        SlashReply ack = p.run(person, "/deploy hello");
        var post = fx.app.slack().awaitPosts(ack.responseUrl(), 1).get(0);
        assertThat(post.allText()).contains("Who are you when you're not here?", "@carol-gh-");
        String login = "carol-gh-" + p.repo().substring(DeployFixture.REPO.length());
        SlashReply click = fx.app.as(person).in(p.channel()).click(new SlashReply.Button(IdentityCommands.HELLO_ACTION, login, "@" + login));
        assertThat(fx.app.slack().awaitPosts(click.responseUrl(), 1).get(0).allText()).contains("Thanks, now I can @ you properly");
        assertThat(p.slow(person, "/deploy hello")).contains("I already know you as `" + login + "`");
        SlashReply again = fx.app.as("UHELLO002").in(p.channel()).click(new SlashReply.Button(IdentityCommands.HELLO_ACTION, login, "@" + login));
        assertThat(fx.app.slack().awaitPosts(again.responseUrl(), 1).get(0).allText()).contains("registered to someone else");
        assertThat(p.slow("UHELLO002", "/deploy hello")).doesNotContain("I already know you");
    }

    @Test
    void aLoginLinkedToSomeoneElseCannotBeClaimedButAnAdminCanMoveIt() {
        DeployFixture.Project p = fx.project();
        assertThat(p.slow("UMOVE0001", "/deploy hello bob-gh")).contains("Thanks, now I can @ you properly");
        assertThat(p.slow("UMOVE0002", "/deploy hello bob-gh")).contains("registered to someone else");
        assertThat(p.slow("UMOVE0002", "/deploy hello bob-gh --user UMOVE0002")).contains("Only an admin");
        assertThat(p.slow(ADMIN, "/deploy hello bob-gh --user <@UMOVE0002>")).contains("<@UMOVE0002> is now `bob-gh`", "moved from <@UMOVE0001>");
        assertThat(fx.app.slack().awaitDms("UMOVE0001", 1).get(0).arg("text")).contains("moved the GitHub login `bob-gh` from you");
        assertThat(p.slow("UMOVE0002", "/deploy hello alice-gh")).contains("registered against another GitHub username (`bob-gh`)");
        assertThat(p.slow("UMOVE0003", "/deploy hello nobody-gh")).contains("not a collaborator");
    }

    @Test
    void goodbyeAndByeForgetTheLink() {
        DeployFixture.Project p = fx.project();
        assertThat(p.slow("UBYE00001", "/deploy hello alice-gh")).contains("Thanks");
        assertThat(p.run("UBYE00001", "/deploy goodbye").text()).contains("Who did you say you were again? (Command successful)");
        assertThat(p.run("UBYE00001", "/deploy bye").text()).contains("Nothing to forget; I couldn't find you in the DB.");
        assertThat(p.run(BOB, "/cimon bye").text()).contains("Nothing to forget");
    }

    @Test
    void helloInAChannelThatIsNotSetUpSaysSo() {
        DeployFixture.Project p = fx.unbound();
        assertThat(p.slow(ALICE, "/deploy hello")).contains("not set up for a repository");
    }
}
