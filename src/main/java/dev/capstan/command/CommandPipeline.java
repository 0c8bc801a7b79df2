package dev.capstan.command;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The path every slash command takes once its signature checked out: tokenise, route, authorise, parse,
 * then run now (fast) or queue a durable job and ack (slow). Every invocation ends in the audit log.
 */
public final class CommandPipeline {
    private static final Logger log = LoggerFactory.getLogger(CommandPipeline.class);

    private final Router router;
    private final HelpText help;
    private final AccessPolicy policy;
    private final People rolesForAcks;
    private final People people;
    private final AuditLog audit;
    private final Confirmations confirmations;
    private final Clock clock;
    private final Outbox outbox;
    private final JobQueue jobs;

    /**
     * {@code rolesForAcks} answers inside Slack's 3 seconds and may be a little behind another replica's change;
     * {@code people} is read by job workers before a slow command acts outside Capstan.
     */
    public CommandPipeline(Commands commands, AccessPolicy policy, People rolesForAcks, People people, AuditLog audit,
                           Confirmations confirmations, Clock clock, Outbox outbox, JobQueue jobs) {
        this.router = new Router(commands);
        this.help = new HelpText(commands, policy);
        this.policy = policy;
        this.rolesForAcks = rolesForAcks;
        this.people = people;
        this.audit = audit;
        this.confirmations = confirmations;
        this.clock = clock;
        this.outbox = outbox;
        this.jobs = jobs;
    }

    /** Handles a slash command inside the HTTP request and returns the reply that goes into the ack. */
    public Reply handle(Invocation invocation) {
        long started = System.nanoTime();
        Caller caller = new Caller(invocation.userId(), invocation.channelId(), rolesForAcks.roleOf(invocation.userId()));
        Outcome outcome = decide(invocation, caller, false);
        if (outcome.kind == Handling.QUEUE) {
            String jobId = UUID.randomUUID().toString();
            try {
                jobs.enqueueCommand(jobId, invocation, entry(invocation, outcome, AuditEntry.QUEUED, started, jobId));
            } catch (RuntimeException e) {
                log.error("Could not queue {}", outcome.command, e);
                audit.append(entry(invocation, outcome, "error: could not queue", started, null));
                return Reply.text("I could not queue `" + outcome.display + "`; nothing was done. Please try again.");
            }
            return Reply.text(":hourglass_flowing_sand: Working on `" + outcome.display + "`… I'll reply here when it's done.");
        }
        audit.append(entry(invocation, outcome, outcome.result, started, null));
        return cutLongInput(outcome.reply, invocation);
    }

    /** A slow command's run: its reply, and the outcome and time its audit entry is completed with. */
    public record Finished(Reply reply, String outcome, long durationMs) { }

    /**
     * Runs a slow command in a job worker; the policy is checked again since roles may have changed meanwhile. The
     * caller completes the audit entry with the result, in the transaction that saves the reply.
     * A {@link TransientFailure} propagates so that the job is retried.
     */
    public Finished runQueued(Invocation invocation) {
        long started = System.nanoTime();
        Caller caller = new Caller(invocation.userId(), invocation.channelId(), people.roleOf(invocation.userId()));
        Outcome outcome = decide(invocation, caller, true);
        return new Finished(cutLongInput(outcome.reply, invocation), outcome.result, elapsedMs(started));
    }

    /** The reply with every over-long word the caller typed cut where it is repeated. */
    private static Reply cutLongInput(Reply reply, Invocation invocation) {
        Tokenizer.Result tokens = Tokenizer.tokenize(invocation.text());
        return LongInput.cut(reply, invocation.text(), tokens.ok() ? tokens.tokens() : List.of());
    }

    private enum Handling { REPLY, QUEUE }

    private record Outcome(Handling kind, Reply reply, String command, String display, String decision, String result) {
        static Outcome reply(Reply reply, String command, String decision, String result) {
            return new Outcome(Handling.REPLY, reply, command, command, decision, result);
        }
    }

    private Outcome decide(Invocation invocation, Caller caller, boolean inWorker) {
        Tokenizer.Result tokens = Tokenizer.tokenize(invocation.text());
        if (!tokens.ok()) {
            return Outcome.reply(Reply.text(tokens.error()), null, "invalid", "unbalanced quote");
        }
        Route route = router.route(invocation.slashCommand(), tokens.tokens(),
                entry -> policy.allows(caller, entry.fullName(), entry.info()));
        if (route instanceof Route.TopHelp top) {
            return Outcome.reply(help.top(caller, top.mainCommand()), "help", "help", "ok");
        }
        if (route instanceof Route.FamilyHelp family) {
            return Outcome.reply(help.family(caller, family.family(), family.prefix()), family.family().name() + " help", "help", "ok");
        }
        if (route instanceof Route.TopicHelp topic) {
            return Outcome.reply(help.topic(caller, topic), topic.topic() + " help", "help", "ok");
        }
        if (route instanceof Route.Unknown unknown) {
            return Outcome.reply(Reply.text(unknown.message()), unknown.attempted(), "invalid", "unknown command");
        }
        CommandEntry entry;
        String prefix;
        List<String> args;
        boolean helpRequested = false;
        if (route instanceof Route.CommandHelp commandHelp) {
            entry = commandHelp.entry();
            prefix = commandHelp.prefix();
            args = List.of("--help");
            helpRequested = true;
        } else {
            Route.Target target = (Route.Target) route;
            entry = target.entry();
            prefix = target.prefix();
            args = target.args();
        }
        String name = entry.fullName();
        String display = entry.path().isEmpty() ? prefix : prefix + " " + String.join(" ", entry.path());
        AccessDecision decision = policy.decide(caller, name, entry.info());
        if (!decision.allowed()) {
            return new Outcome(Handling.REPLY, Reply.text(":no_entry: You can't run `" + display + "` here: " + decision.reason() + "."),
                    name, display, "denied: " + decision.reason(), decision.byCommandPolicy()
                    ? new Refusal("`" + name + "` policy", decision.reason()).auditOutcome() : "denied");
        }
        CommandLine line = entry.commandLines().take(prefix);
        Outcome outcome = parseAndRun(line, entry, invocation, caller, name, display, helpRequested, args, inWorker);
        entry.commandLines().release(line);
        return outcome;
    }

    private Outcome parseAndRun(CommandLine line, CommandEntry entry, Invocation invocation, Caller caller, String name,
                                String display, boolean helpRequested, List<String> args, boolean inWorker) {
        try {
            line.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            return new Outcome(Handling.REPLY, usageError(line, e), name, display, "allowed", "usage error");
        }
        if (helpRequested || line.isUsageHelpRequested()) {
            String usage = PicocliCommands.usage(line);
            return new Outcome(Handling.REPLY, Reply.blocks(usage, List.of(new Block.Preformatted(usage))), name, display, "help", "ok");
        }
        if (entry.info().slow() && !inWorker) {
            return new Outcome(Handling.QUEUE, null, name, display, "allowed", AuditEntry.QUEUED);
        }
        CapstanCommand command = entry.commandLines().command(line);
        CommandContext context = new CommandContext(caller, invocation, clock, confirmations, outbox, display);
        try {
            Reply reply = command.run(context);
            return new Outcome(Handling.REPLY, reply, name, display, "allowed", "ok");
        } catch (Refusal e) {
            return new Outcome(Handling.REPLY, Reply.text(e.getMessage()), name, display, "allowed", e.auditOutcome());
        } catch (UserError e) {
            return new Outcome(Handling.REPLY, Reply.text(e.getMessage()), name, display, "allowed", "invalid: " + e.getMessage());
        } catch (TransientFailure e) {
            if (inWorker) throw e;
            return new Outcome(Handling.REPLY, Reply.text(":warning: `" + display + "` failed: " + e.getMessage() + ". Please try again."),
                    name, display, "allowed", "error: " + e.getMessage());
        } catch (Exception e) {
            OutsideFailure outside = OutsideFailure.of(e);
            if (outside != null) {
                if (!outside.permanent() && inWorker) throw new TransientFailure(outside.what(), e);
                return new Outcome(Handling.REPLY, Reply.text(":warning: `" + display + "` failed: " + outside.what()
                        + (outside.permanent() ? "." : ". Please try again.")), name, display, "allowed", "error: " + outside.what());
            }
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Command {} failed (reference {})", name, reference, e);
            return new Outcome(Handling.REPLY, Reply.text(":warning: Something went wrong running `" + display
                    + "`. It is logged with reference `" + reference + "`."), name, display, "allowed",
                    "error: " + e.getClass().getSimpleName() + " (" + reference + ")");
        }
    }

    private static Reply usageError(CommandLine line, CommandLine.ParameterException e) {
        StringBuilder text = new StringBuilder(e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            text.append(" Did you mean ").append(String.join(" or ",
                    unmatched.getSuggestions().stream().limit(3).map(s -> "`" + s + "`").toList())).append("?");
        }
        String usage = PicocliCommands.usage(line);
        return Reply.blocks(text.toString(), List.of(new Block.Section(":warning: " + text), new Block.Preformatted(usage)));
    }

    private AuditEntry entry(Invocation invocation, Outcome outcome, String result, long started, String jobId) {
        String raw = (invocation.slashCommand() + " " + invocation.text()).trim();
        return new AuditEntry(0, clock.instant(), invocation.userId(), invocation.channelId(), raw, outcome.command,
                outcome.decision, result, elapsedMs(started), jobId);
    }

    private static long elapsedMs(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
