package dev.capstan.features.commands;

import java.time.Instant;
import java.util.Map;

/**
 * One run of a declared command, as its durable job carries it from step to step: the arguments (never a rendered
 * request: secrets are resolved at each call), where it stands, and the version of its one Slack message.
 */
record Run(String id, String command, Map<String, String> arguments, String userId, String channelId, String display,
           String lockKey, Instant startedAt, Instant deadline, Stage stage, String url, Integer number, long version) {

    /** Where a run stands: about to call, waiting in Jenkins' queue, building, following a 202's Location or an ECS task. */
    enum Stage { START, QUEUED, BUILDING, FOLLOWING, TASK }

    Run {
        arguments = Map.copyOf(arguments);
    }

    Run next(Stage stage, String url, Integer number) {
        return new Run(id, command, arguments, userId, channelId, display, lockKey, startedAt, deadline, stage, url, number, version + 1);
    }

    String messageKey() {
        return "commands:" + id;
    }
}
