package dev.capstan.features.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.command.PermanentFailure;
import dev.capstan.platform.Durations;
import java.time.Duration;
import java.util.Map;

/** A Jenkins run step by step: trigger, then the queue item until it names a build, then the build until it has a result. */
final class JenkinsSteps {
    private final CommandServices services;
    private final JenkinsClient jenkins;

    JenkinsSteps(CommandServices services, JenkinsClient jenkins) {
        this.services = services;
        this.jenkins = jenkins;
    }

    Step step(Run run, Declaration declaration, Action.Jenkins action, String ack) {
        return switch (run.stage()) {
            case START -> {
                String form = HttpRequests.form(action.parameters(), services.variables(run, true));
                Run next = run.next(Run.Stage.QUEUED, jenkins.trigger(action.job(), form), null);
                yield new Step.Again(next, RunMessage.queued(services.secrets(), next, ack));
            }
            case QUEUED -> queued(run, ack);
            case BUILDING -> building(run, action);
            case FOLLOWING, TASK -> throw new PermanentFailure("a Jenkins run follows neither a Location nor an ECS task");
        };
    }

    private Step queued(Run run, String ack) {
        JsonNode item = jenkins.queueItem(run.url()).orElseThrow(() -> new PermanentFailure(
                "Jenkins forgot the queue item " + run.url() + " before its build could be followed"));
        if (item.path("cancelled").asBoolean(false)) {
            return new Step.Finished(Map.of(), null, false, "CANCELLED", "the build was cancelled while it waited in Jenkins' queue");
        }
        JsonNode executable = item.path("executable");
        if (!executable.hasNonNull("url")) return new Step.Again(run, null);
        int number = executable.path("number").asInt();
        Run next = run.next(Run.Stage.BUILDING, jenkins.rebased(executable.path("url").asText()), number);
        return new Step.Again(next, RunMessage.running(services.secrets(), next, ack, next.url(), number));
    }

    private Step building(Run run, Action.Jenkins action) {
        JsonNode build = jenkins.build(run.url());
        if (build.path("building").asBoolean(false) || build.path("result").isNull() || build.path("result").isMissingNode()) {
            return new Step.Again(run, null);
        }
        String result = build.path("result").asText();
        Map<String, String> values = Map.of("job.result", result,
                "job.duration", Durations.format(Duration.ofMillis(build.path("duration").asLong())),
                "job.url", run.url(), "job.number", Integer.toString(run.number()), "job.name", action.job());
        return new Step.Finished(values, null, result.equals("SUCCESS"), result, null);
    }

    /** The trigger request as a dry run shows it: secrets as placeholders. */
    OutboundRequest preview(Action.Jenkins action, Variables values) {
        String form = HttpRequests.form(action.parameters(), values);
        String path = form.isEmpty() ? "build" : "buildWithParameters";
        return new OutboundRequest("POST", java.net.URI.create(jenkins.jobUrl(action.job()) + path), jenkins.previewHeaders(), form);
    }
}
