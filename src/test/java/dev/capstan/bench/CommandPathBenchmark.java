package dev.capstan.bench;

import dev.capstan.command.AccessPolicy;
import dev.capstan.command.AccessRule;
import dev.capstan.command.AuditEntry;
import dev.capstan.command.AuditLog;
import dev.capstan.command.AuditQuery;
import dev.capstan.command.Caller;
import dev.capstan.command.CommandEntry;
import dev.capstan.command.CommandPipeline;
import dev.capstan.command.Commands;
import dev.capstan.command.Invocation;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import dev.capstan.command.Route;
import dev.capstan.command.Router;
import dev.capstan.command.Tokenizer;
import dev.capstan.command.builtin.Builtins;
import dev.capstan.security.SlackSignatureCheck;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-memory steps every slash command takes: signature, tokenizer, router, policy, and the whole pipeline (parse,
 * run, audit) with the database left out. Run with bench/jmh.sh; figures in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CommandPathBenchmark {
    private static final String TEXT = "access check <@U123ABC|bob> \u201Ctimereport add\u201D --channel <#C42|general>";
    private static final String BODY = "team_id=T1&channel_id=C1&user_id=U1&command=%2Fcapstan&text=" + TEXT.replace(' ', '+');

    private final Commands commands = new Commands();
    private final Router router;
    private final AccessPolicy policy = new AccessPolicy(List.of(
            new AccessRule("*", null, Set.of(), Set.of("UBANNED"), Set.of(), Set.of()),
            new AccessRule("access", Role.TEAM_LEAD, Set.of(), Set.of(), Set.of(), Set.of())));
    private final Caller caller = new Caller("U123ABC", "C42", Role.ADMIN);
    private final SlackSignatureCheck signature = new SlackSignatureCheck("bench-secret", Clock.systemUTC());
    private final long timestamp = Clock.systemUTC().instant().getEpochSecond();
    private final String signed = signature.sign(timestamp, BODY);

    private final CommandPipeline pipeline;
    private final Invocation ping = invocation("ping");
    private final Invocation help = invocation("help");
    private final Invocation accessCheck = invocation("access check <@U123ABC|bob> timereport add --channel <#C42|general>");

    public CommandPathBenchmark() {
        Builtins.register(commands, null, policy, userId -> Role.MEMBER);
        router = new Router(commands);
        pipeline = new CommandPipeline(commands, policy, userId -> Role.ADMIN, userId -> Role.ADMIN, new DiscardedAudit(), null,
                Clock.systemUTC(), null, null);
    }

    private static Invocation invocation(String text) {
        return new Invocation("/capstan", text, "U123ABC", "T1", "C42", "general", null, null, Instant.now());
    }

    /** Keeps the database out of the measurement: the audit write happens off the request path anyway. */
    private static final class DiscardedAudit implements AuditLog {
        @Override
        public long record(AuditEntry entry) {
            return 0;
        }

        @Override
        public void append(AuditEntry entry) {
        }

        @Override
        public void complete(long id, String outcome, long durationMs) {
        }

        @Override
        public boolean completed(long id) {
            return false;
        }

        @Override
        public List<AuditEntry> latest(AuditQuery query) {
            return List.of();
        }
    }

    @Benchmark
    public boolean verifySignature() {
        return signature.verify(Long.toString(timestamp), signed, BODY);
    }

    @Benchmark
    public Tokenizer.Result tokenize() {
        return Tokenizer.tokenize(TEXT);
    }

    @Benchmark
    public Route route() {
        return router.route("/capstan", Tokenizer.tokenize(TEXT).tokens(), entry -> true);
    }

    @Benchmark
    public boolean decideAccess() {
        CommandEntry entry = commands.byFullName("access check");
        return policy.decide(caller, entry.fullName(), entry.info()).allowed();
    }

    @Benchmark
    public Reply pipelinePing() {
        return pipeline.handle(ping);
    }

    @Benchmark
    public Reply pipelineHelp() {
        return pipeline.handle(help);
    }

    @Benchmark
    public Reply pipelineAccessCheck() {
        return pipeline.handle(accessCheck);
    }
}
