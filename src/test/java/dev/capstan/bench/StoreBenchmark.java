package dev.capstan.bench;

import dev.capstan.command.Role;
import dev.capstan.store.Database;
import dev.capstan.store.DatabaseUrl;
import dev.capstan.store.PeopleStore;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** The one database read every slash command makes (the caller's role), on the embedded H2 file. Run with bench/jmh.sh StoreBenchmark. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StoreBenchmark {
    private Database database;
    private PeopleStore people;

    @Setup
    public void open() throws Exception {
        database = Database.open(DatabaseUrl.h2File(Files.createTempDirectory("capstan-bench").resolve("capstan").toString()), 4);
        people = new PeopleStore(database.jdbi(), Clock.systemUTC());
        people.setRole("UADMIN01", Role.ADMIN);
    }

    @TearDown
    public void close() {
        database.close();
    }

    @Benchmark
    public Role roleOfAKnownPerson() {
        return people.roleOf("UADMIN01");
    }

    @Benchmark
    public Role roleOfSomeoneNew() {
        return people.roleOf("UNOBODY01");
    }
}
