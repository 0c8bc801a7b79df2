package dev.capstan.bench;

import dev.capstan.command.AccessPolicy;
import dev.capstan.command.AccessRule;
import dev.capstan.command.Caller;
import dev.capstan.command.CommandEntry;
import dev.capstan.command.Commands;
import dev.capstan.command.Role;
import dev.capstan.command.Route;
import dev.capstan.command.Router;
import dev.capstan.command.Tokenizer;
import dev.capstan.command.builtin.Builtins;
import dev.capstan.security.SlackSignatureCheck;
import java.time.Clock;
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

/** The in-memory steps every slash command takes before its handler: signature, tokenizer, router, policy. Run with bench/jmh.sh. */
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

    public CommandPathBenchmark() {
        Builtins.register(commands, null, policy, userId -> Role.MEMBER);
        router = new Router(commands);
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
        return router.route("/capstan", Tokenizer.tokenize(TEXT).tokens());
    }

    @Benchmark
    public boolean decideAccess() {
        CommandEntry entry = commands.byFullName("access check");
        return policy.decide(caller, entry.fullName(), entry.info()).allowed();
    }
}
