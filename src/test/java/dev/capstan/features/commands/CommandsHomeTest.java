package dev.capstan.features.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.TestDatabases;
import dev.capstan.support.Texts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** Declared commands' part of the Home tab: the ones I may run, by the same rules as typing them, and how to type each. */
@OnEveryDatabase
class CommandsHomeTest {
    @Parameter
    TestDatabases.Kind database;
    private static Declared declared;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabases.Kind database) {
        declared = new Declared(database);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        declared.close();
    }

    @Test
    void aMemberSeesTheOpenCommandsWithHowToTypeThemButNotOneLimitedToLeads() {
        String member = "U0HOMEMB" + database.name().charAt(0);
        declared.app.as(member).opensHome();

        String home = Texts.blocksText(declared.app.slack().awaitHome(member, 1));
        assertThat(home).contains("Commands you may run", "`/capstan whois <login>`\nLook someone up in the staff directory",
                "`/capstan typed <word> [<count>] [--size <size>] [--force] [--day <day>] [--who <who>] [--where <where>]`",
                "`/capstan note <item> [--text <text>]`").doesNotContain("/capstan restart");
    }

    @Test
    void theLeadNamedByTheCommandSeesItWithTheChannelsItRunsIn() {
        declared.app.as(Declared.LEAD).opensHome();

        String home = Texts.blocksText(declared.app.slack().awaitHome(Declared.LEAD, 1));
        assertThat(home).contains("`/capstan restart <service> [<env>] [--reason <reason>]`\nRestart a service\nRuns only in <#"
                + Declared.OPS + ">");
    }
}
