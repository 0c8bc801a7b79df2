package dev.capstan.features.deploy;

import dev.capstan.command.Destination;
import dev.capstan.command.Outbox;
import dev.capstan.command.People;
import dev.capstan.command.Reply;
import dev.capstan.command.UserError;
import dev.capstan.jobs.JobFailure;
import dev.capstan.jobs.JobResult;
import dev.capstan.store.GitHubIdentities;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code deploy <env>}, deploybot's form, as a durable job (GitHub is asked which ref to take): picks the environment's
 * default ref ({@link DefaultRefs}), says which ref and commit it chose, then asks for that deployment like
 * {@code <ref> to <env>} does, or starts a dry run of it; the answer goes to Slack's response_url.
 */
final class DeployDefaultRef {
    private final Bindings bindings;
    private final Environments environments;
    private final DefaultRefs defaults;
    private final RequestDeployment requests;
    private final DeployJobs jobs;
    private final People people;
    private final GitHubIdentities identities;
    private final Outbox outbox;
    private final Clock clock;

    DeployDefaultRef(Bindings bindings, Environments environments, DefaultRefs defaults, RequestDeployment requests, DeployJobs jobs,
                     People people, GitHubIdentities identities, Outbox outbox, Clock clock) {
        this.bindings = bindings;
        this.environments = environments;
        this.defaults = defaults;
        this.requests = requests;
        this.jobs = jobs;
        this.people = people;
        this.identities = identities;
        this.outbox = outbox;
        this.clock = clock;
    }

    JobResult<DeployJobs.DefaultRef> run(DeployJobs.DefaultRef ask) {
        outbox.send(destination(ask), answer(ask));
        return JobResult.done();
    }

    /** GitHub could not be asked: the person hears why, and nothing was deployed. */
    void gaveUp(DeployJobs.DefaultRef ask, JobFailure failure) {
        outbox.send(destination(ask), Reply.text(":warning: I could not find `" + ask.environment() + "`'s default ref, so nothing was "
                + "deployed: " + failure.sentence()));
    }

    private Reply answer(DeployJobs.DefaultRef ask) {
        Optional<Binding> binding = bindings.inChannel(ask.channelId());
        Optional<Environments.Environment> found = environments.find(ask.environment());
        if (binding.isEmpty() || found.isEmpty()) return Reply.text(":warning: This channel's repository or `" + ask.environment() + "` is gone.");
        Environments.Environment env = found.get();
        DefaultRefs.Chosen chosen;
        try {
            chosen = defaults.choose(binding.get().repository(), env);
        } catch (UserError refused) {
            return Reply.text(refused.getMessage());
        }
        String picked = "`" + env.name() + "` gets `" + chosen.ref().label() + "` (" + chosen.why() + "), commit `" + chosen.shortSha() + "`.";
        if (ask.dryRun()) {
            jobs.preflight().enqueue(new DeployJobs.DryRunAsked(ask.channelId(), ask.userId(), chosen.ref().full(), env.name(),
                    ask.emergencyReason(), ask.responseUrl(), ask.askedAt()));
            return Reply.text(":mag: " + picked + " Checking what deploying it would do. This is a dry run: nothing is created.");
        }
        boolean frozen = env.policy().freezes().current(clock.instant()).isPresent();
        DeployRequest request = new DeployRequest(binding.get(), env, chosen.ref(), chosen.sha(), "slack", ask.userId(),
                identities.find(ask.userId()).map(GitHubIdentities.Identity::login).orElse(null), people.roleOf(ask.userId()),
                new Deployment.Origin(null, null, frozen ? ask.emergencyReason() : null, null), 0);
        Reply outcome = DeployOutcomes.reply(requests.request(request), chosen.ref(), env.name());
        String needless = ask.emergencyReason() != null && !frozen ? " (`" + env.name() + "` is not frozen, so `--emergency` was not needed.)" : "";
        return Reply.text(picked + " " + outcome.text() + needless);
    }

    private static Destination destination(DeployJobs.DefaultRef ask) {
        return new Destination.ResponseUrl(ask.responseUrl(), ask.userId(), ask.askedAt());
    }
}
