package dev.capstan.features.commands;

import dev.capstan.jenkins.JenkinsClient;
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
                Run next = run.next(Run.Stage.QUEUED, jenkins.trigger(action.job(), form, JenkinsClient.TriggerRetry.NEVER), null);
                yield new Step.Again(next, RunMessage.queued(services.secrets(), next, ack));
            }
            case QUEUED -> queued(run, ack);
            case BUILDING -> building(run, action);
            case FOLLOWING, TASK -> throw new PermanentFailure("a Jenkins run follows neither a Location nor an ECS task");
        };
    }

    private Step queued(Run run, String ack) {
        JenkinsClient.Queued item = jenkins.queueItem(run.url());
        if (item instanceof JenkinsClient.Queued.Gone) {
            throw new PermanentFailure("Jenkins forgot the queue item " + run.url() + " before its build could be followed");
        }
        if (item instanceof JenkinsClient.Queued.Cancelled) {
            return new Step.Finished(Map.of(), null, false, "CANCELLED", "the build was cancelled while it waited in Jenkins' queue");
        }
        if (!(item instanceof JenkinsClient.Queued.Started started)) return new Step.Again(run, null);
        Run next = run.next(Run.Stage.BUILDING, started.buildUrl(), started.number());
        return new Step.Again(next, RunMessage.running(services.secrets(), next, ack, next.url(), started.number()));
    }

    private Step building(Run run, Action.Jenkins action) {
        JenkinsClient.Build build = jenkins.build(run.url());
        if (!build.ended()) return new Step.Again(run, null);
        String result = build.result();
        Map<String, String> values = Map.of("job.result", result,
                "job.duration", Durations.format(Duration.ofMillis(build.durationMillis())),
                "job.url", run.url(), "job.number", Integer.toString(run.number()), "job.name", action.job());
        return new Step.Finished(values, null, result.equals("SUCCESS"), result, null);
    }

    /** The trigger request as a dry run shows it: secrets as placeholders. */
    OutboundRequest preview(Action.Jenkins action, Variables values) {
        String form = HttpRequests.form(action.parameters(), values);
        return new OutboundRequest("POST", java.net.URI.create(jenkins.jobUrl(action.job()) + JenkinsClient.triggerPath(form)),
                jenkins.previewHeaders(), form);
    }
}
