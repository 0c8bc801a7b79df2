package dev.capstan.features.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.capstan.app.Config;
import dev.capstan.support.FakeSlack;
import dev.capstan.support.FakeTarget;
import dev.capstan.support.OnEveryDatabase;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * A policy may list people by e-mail address, as the one-function bot listed them by name: each address is resolved
 * to a member id with users.lookupByEmail when the file is loaded, asked once; an address nobody has stops the load.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnEveryDatabase
class EmailUsersConversationsTest {
    static final String ADA = "U0ADA00001";
    static final String GRACE = "U0GRACE001";
    static final String YAML = """
            commands:
              - name: deploy
                description: Deploy a client's branch
                args: [ { name: client, type: string } ]
                policy:
                  users: [ada@example.com, U0BOB00001, Grace.Hopper@Example.com]
                  conditions:
                    - { when: "client == 'bank'", users: [grace.hopper@example.com] }
                action:
                  http: { method: POST, url: "{{env.DEPLOY_URL}}/deploy/{{client}}", allow_hosts: [127.0.0.1] }
            """;

    @Parameter
    TestDatabases.Kind database;
    FakeTarget target;
    FakeSlack slack;
    TestApp app;

    @BeforeParameterizedClassInvocation
    void start() {
        target = new FakeTarget();
        slack = new FakeSlack().person("ada@example.com", ADA).person("grace.hopper@example.com", GRACE);
        app = builder(YAML).slack(slack).start();
    }

    @AfterParameterizedClassInvocation
    void stop() {
        app.closeAll();
        target.close();
    }

    private TestApp.Builder builder(String yaml) {
        return TestApp.on(database).admins("U0ADMIN001").yaml(yaml).feature(new DeclaredCommands()).env("DEPLOY_URL", target.url());
    }

    @Test
    void someoneListedByAddressMayRunTheCommandAndOthersAreRefused() {
        assertThat(app.as(ADA).freshTriggers().run("/capstan deploy acme").text()).contains("Running `deploy`");
        assertThat(app.as("U0BOB00001").freshTriggers().run("/capstan deploy acme").text()).contains("Running `deploy`");
        assertThat(app.as("U0EVE00001").freshTriggers().run("/capstan deploy acme").text()).doesNotContain("Running `deploy`");
    }

    @Test
    void anAddressInAConditionIsResolvedToo() {
        assertThat(app.as(GRACE).freshTriggers().run("/capstan deploy bank").text()).contains("Running `deploy`");
        assertThat(app.as(ADA).freshTriggers().run("/capstan deploy bank").text()).doesNotContain("Running `deploy`");
    }

    @Test
    void eachAddressIsAskedOnceEvenWhenTheFileIsLoadedAgain() {
        app.as("U0ADMIN001").freshTriggers().run("/capstan commands reload");
        app.as(ADA).freshTriggers().run("/capstan deploy acme");

        assertThat(slack.calls("users.lookupByEmail")).extracting(c -> c.arg("email"))
                .containsExactlyInAnyOrder("ada@example.com", "grace.hopper@example.com");
    }

    @Test
    void anAddressNobodyHasIsALoadErrorWithFileAndLine() {
        Config.Invalid invalid = catchThrowableOfType(Config.Invalid.class,
                () -> builder(YAML.replace("ada@example.com", "nobody@example.com"))
                        .slack(new FakeSlack().person("grace.hopper@example.com", GRACE)).start());

        assertThat(invalid.problems()).singleElement().asString()
                .matches("commands: .*\\.yaml:6: nobody in this Slack workspace has the address `nobody@example.com`");
    }
}
