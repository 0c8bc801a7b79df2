package dev.capstan.platform;

import dev.capstan.http.HttpExchange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What the families declared that the platform acts on after registration: routes, variables, migrations, webhook secrets, problems. */
public final class Declarations {
    /** Handles one inbound request to a family's own route (a REST API, the playground's page). */
    @FunctionalInterface
    public interface Endpoint {
        HttpExchange.Response handle(HttpExchange.Request request) throws Exception;
    }

    /** An HTTP route a family serves: method, path and handler. */
    public record Route(String method, String path, Endpoint endpoint) { }

    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final Map<String, Variable> variables = new LinkedHashMap<>();
    private final List<FamilyMigrations> migrations = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final List<Runnable> onStart = new ArrayList<>();
    private final List<Runnable> onStop = new ArrayList<>();
    private final Map<String, String> webhookSecrets = new LinkedHashMap<>();

    void route(String method, String path, Endpoint endpoint) {
        if (routes.putIfAbsent(method + " " + path, new Route(method, path, endpoint)) != null) {
            problems.add("Route " + method + " " + path + " registered twice");
        }
    }

    /**
     * Adds a variable; one declared by two owners with the same meaning is kept once (JENKINS_URL for the deployments and
     * declared commands), and one declared with two different meanings is a problem: one of them would read it wrongly.
     */
    public void variable(Variable variable) {
        Variable earlier = variables.putIfAbsent(variable.name(), variable);
        if (earlier != null && (!earlier.meaning().equals(variable.meaning()) || earlier.secret() != variable.secret())) {
            problems.add(variable.name() + " is declared twice with different meanings: " + earlier.owner() + " reads it as " + said(earlier)
                    + ", " + variable.owner() + " as " + said(variable) + "; one variable must mean one thing");
        }
    }

    private static String said(Variable variable) {
        return (variable.secret() ? "a secret, " : "") + "\"" + variable.meaning() + "\"";
    }

    void migrations(FamilyMigrations declared) {
        for (FamilyMigrations other : migrations) {
            if (Math.abs(other.first() - declared.first()) < FamilyMigrations.BLOCK) {
                problems.add("Migrations of " + declared.family() + " (from V" + declared.first() + ") overlap those of "
                        + other.family() + " (from V" + other.first() + ")");
                return;
            }
        }
        if (declared.first() < FamilyMigrations.BLOCK) {
            problems.add("Migrations of " + declared.family() + " must start at V10 or later: V1 to V9 are the platform's");
            return;
        }
        migrations.add(declared);
    }

    void onStart(Runnable work) {
        onStart.add(work);
    }

    /** What families asked to run once the database is migrated, before requests are served. */
    public List<Runnable> startWork() {
        return Collections.unmodifiableList(onStart);
    }

    void onStop(Runnable work) {
        onStop.add(work);
    }

    /** What families asked to run when Capstan closes (stopping a thread of their own), before the jobs and database stop. */
    public List<Runnable> stopWork() {
        return Collections.unmodifiableList(onStop);
    }

    void webhookSecret(String source, String secret) {
        if (secret != null) webhookSecrets.putIfAbsent(source, secret);
    }

    /** The secret a family declared for webhooks from {@code source}; null when none is set. */
    public String webhookSecret(String source) {
        return webhookSecrets.get(source);
    }

    public void problem(String problem) {
        problems.add(problem);
    }

    public List<Route> routes() {
        return List.copyOf(routes.values());
    }

    public List<Variable> variables() {
        return List.copyOf(variables.values());
    }

    public List<FamilyMigrations> migrations() {
        return Collections.unmodifiableList(migrations);
    }

    /**
     * Refuses to migrate when a family's folder holds a version outside its block ({@code versionsAt} lists the versions
     * found at a location), so that two families can never write the same version.
     */
    public void requireMigrationsInTheirBlocks(Function<String, List<String>> versionsAt) {
        for (FamilyMigrations family : migrations) {
            for (String version : versionsAt.apply(family.location())) {
                if (!family.owns(version)) {
                    throw new IllegalStateException("Migration V" + version + " of " + family.family() + " is outside its versions V"
                            + family.first() + " to V" + (family.first() + FamilyMigrations.BLOCK - 1));
                }
            }
        }
    }

    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }
}
