package dev.capstan.features.commands;

import dev.capstan.jenkins.JenkinsClient;
import dev.capstan.command.Messages;
import dev.capstan.slack.SlackWebApi;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** What the family's parts share: the commands in service, Jenkins, ECS, secrets, locks, messages, Slack, the clock, the poll interval. */
record CommandServices(Catalog catalog, Optional<JenkinsClient> jenkins, EcsTasks ecs, Secrets secrets, ConcurrencyLocks locks, Messages messages,
                       SlackWebApi slack, Clock clock, Function<String, String> environment, Duration pollEvery) {

    /** The values a run's templates read, with secrets resolved now (for a call) or shown as placeholders (a dry run). */
    Variables variables(Run run, boolean resolveSecrets) {
        return variables(run.command(), run.arguments(), run.userId(), run.channelId(), resolveSecrets);
    }

    Variables variables(String command, Map<String, String> arguments, String userId, String channelId, boolean resolveSecrets) {
        return Variables.of(command, arguments, userId, channelId, environment,
                resolveSecrets ? secrets::resolve : Secrets.PLACEHOLDERS);
    }
}
