package dev.capstan.features.commands;

import dev.capstan.support.Await;
import dev.capstan.support.FakeJenkins;
import dev.capstan.support.FakeSlack;
import dev.capstan.support.FakeTarget;
import dev.capstan.support.TestApp;
import dev.capstan.support.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A Capstan with declared commands against a local fake Jenkins and a fake HTTP target, for the family's conversations. */
final class Declared implements AutoCloseable {
    static final String LEAD = "U0OPSLEAD1";
    static final String OPS = "C0OPS00001";
    static final String ADMIN = "U0ADMIN001";
    static final String MEMBER = "U0MEMBER01";
    static final String TOKEN = "dir-token-s3cret-value";
    static final String JENKINS_TOKEN = "jenkins-api-token-42";

    /** The example, accepted as written, then commands for every type, encoding and secrets. */
    static final String YAML = """
            families:
              commands:
                poll_every: 100ms
                watch_every: 100ms
            commands:
              - name: restart
                description: Restart a service
                args:
                  - { name: service, type: enum, values: [api, web, worker] }
                  - { name: env, type: enum, values: [staging, production], default: staging }
                options:
                  - { name: reason, type: string, max: 200, required_when: "env == 'production'" }
                policy:
                  role: team_lead
                  users: [U0OPSLEAD1]
                  channels: [C0OPS00001]
                  confirm_when: "env == 'production'"
                  concurrency: "restart:{{service}}:{{env}}"
                action:
                  jenkins: { job: ops/restart, parameters: { SERVICE: "{{service}}", ENV: "{{env}}", REASON: "{{reason}}" } }
                  timeout: 15m
                reply:
                  ack: "Restarting *{{service}}* in *{{env}}*…"
                  result: "{{job.result}} in {{job.duration}}: <{{job.url}}|build #{{job.number}}>"
              - name: whois
                description: Look someone up in the staff directory
                args:
                  - { name: login, type: string, pattern: "^[a-z0-9-]{1,39}$" }
                action:
                  http:
                    method: GET
                    url: "{{env.DIRECTORY_URL}}/api/users/{{login}}"
                    headers: { Authorization: "Bearer ${secret:DIRECTORY_TOKEN}" }
                    allow_hosts: [127.0.0.1, directory.example]
                reply:
                  result: "{{response.json.name}} ({{response.json.team}})"
              - name: typed
                description: Every type of argument
                args:
                  - { name: word, type: string, pattern: "^[a-z]+$", min: 2, max: 8 }
                  - { name: count, type: integer, min: 1, max: 10, default: 3 }
                options:
                  - { name: size, type: enum, values: [small, large], default: small }
                  - { name: force, type: boolean }
                  - { name: day, type: date }
                  - { name: who, type: user }
                  - { name: where, type: channel }
                action:
                  http:
                    method: POST
                    url: "{{env.DIRECTORY_URL}}/typed/{{word}}"
                    json: { word: "{{word}}", count: "{{count}}", force: "{{force}}", size: "{{size}}", day: "{{day}}", who: "{{who}}", where: "{{where}}" }
                    allow_hosts: [127.0.0.1]
                reply: { ack: "Storing {{word}}…", result: "stored as {{response.json.name}}" }
              - name: note
                description: Leave a note on an item
                args: [ { name: item, type: string } ]
                options: [ { name: text, type: string } ]
                action:
                  http:
                    method: POST
                    url: "{{env.DIRECTORY_URL}}/items/{{item}}/notes?fixed=1"
                    query: { q: "{{item}}" }
                    headers: { Authorization: "Bearer ${secret:DIRECTORY_TOKEN}", X-Item: "{{item}}" }
                    form: { item: "{{item}}", text: "{{text}}" }
                    allow_hosts: [127.0.0.1]
                reply: { result: "{{response.body}}" }
            """;

    final FakeJenkins jenkins = new FakeJenkins().job("ops/restart", "SERVICE", "ENV", "REASON");
    final FakeTarget target = new FakeTarget();
    final TestApp app;

    Declared(TestDatabases.Kind kind) {
        this(kind, YAML);
    }

    Declared(TestDatabases.Kind kind, String yaml) {
        this(kind, yaml, java.util.Map.of());
    }

    Declared(TestDatabases.Kind kind, String yaml, java.util.Map<String, String> env) {
        TestApp.Builder builder = builder(TestApp.on(kind), yaml);
        env.forEach(builder::env);
        this.app = builder.start();
    }

    TestApp.Builder builder(TestApp.Builder builder, String yaml) {
        return builder.admins(ADMIN).yaml(yaml).feature(new DeclaredCommands())
                .env("DIRECTORY_URL", target.url()).env("DIRECTORY_TOKEN", TOKEN)
                .env("JENKINS_URL", jenkins.url()).env("JENKINS_USER", "capstan").env("JENKINS_API_TOKEN", JENKINS_TOKEN);
    }

    /** Every text Slack was asked to post or update, oldest first. */
    static List<String> messages(FakeSlack slack) {
        List<String> texts = new ArrayList<>();
        slack.allCalls().stream().filter(c -> c.method().equals("chat.postMessage") || c.method().equals("chat.update"))
                .forEach(c -> texts.add(c.arg("text") + " " + c.arg("blocks")));
        return texts;
    }

    /** Waits until a message posted or updated contains {@code text}, and returns the latest such. */
    static String awaitMessage(FakeSlack slack, String text) {
        List<String> found = Await.until(() -> messages(slack).stream().filter(m -> m.contains(text)).toList(), l -> !l.isEmpty(),
                Duration.ofSeconds(15), "a message with " + text + "; got " + messages(slack));
        return found.get(found.size() - 1);
    }

    @Override
    public void close() {
        app.closeAll();
        jenkins.close();
        target.close();
    }
}
