package dev.capstan.features.commands;

import dev.capstan.command.PermanentFailure;
import dev.capstan.http.HttpAnswer;
import dev.capstan.http.HttpCall;
import dev.capstan.platform.Durations;
import java.time.Duration;
import java.util.Map;

/** An HTTP run step by step: the request, then (for 202 with a Location) the Location until it answers something else. */
final class HttpSteps {
    private final CommandServices services;

    HttpSteps(CommandServices services) {
        this.services = services;
    }

    Step step(Run run, LoadedCommand command, Action.Http action, String ack) {
        Variables values = services.variables(run, true);
        OutboundRequest request = HttpRequests.render(command.declaration(), action, values);
        if (run.stage() == Run.Stage.START) {
            HttpAnswer answer = command.http().send(request.call());
            String location = answer.header("Location");
            if (answer.status() == 202 && action.follow() && location != null) {
                Run next = run.next(Run.Stage.FOLLOWING, request.uri().resolve(location).toString(), null);
                return new Step.Again(next, RunMessage.following(services.secrets(), next, ack));
            }
            return finished(run, answer);
        }
        if (run.stage() != Run.Stage.FOLLOWING) throw new PermanentFailure("an HTTP run has no stage " + run.stage());
        HttpCall poll = HttpCall.get(run.url());
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Content-Type")) poll = poll.header(header.getKey(), header.getValue());
        }
        HttpAnswer answer = command.http().send(poll);
        if (answer.status() == 202) return new Step.Again(run, null);
        return finished(run, answer);
    }

    private Step finished(Run run, HttpAnswer answer) {
        Duration took = Duration.between(run.startedAt(), services.clock().instant());
        Map<String, String> values = Map.of("response.status", Integer.toString(answer.status()), "response.body", answer.body(),
                "job.duration", Durations.format(took));
        String failure = answer.ok() ? null : answer.call().describe() + " answered " + answer.status() + answer.excerpt();
        return new Step.Finished(values, answer.json(), answer.ok(), "HTTP " + answer.status(), failure);
    }
}
