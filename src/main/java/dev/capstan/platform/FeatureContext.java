package dev.capstan.platform;

import dev.capstan.command.AccessPolicy;
import dev.capstan.command.AuditLog;
import dev.capstan.command.ConfirmationType;
import dev.capstan.command.ConfirmedAction;
import dev.capstan.command.EventSubscriptions;
import dev.capstan.command.Family;
import dev.capstan.command.HomeSections;
import dev.capstan.command.Messages;
import dev.capstan.command.Outbox;
import dev.capstan.command.ReplaceableFamilies;
import dev.capstan.command.Shorthand;
import dev.capstan.github.GitHubApp;
import dev.capstan.http.HttpPolicy;
import dev.capstan.http.OutboundClient;
import dev.capstan.jobs.JobHandler;
import dev.capstan.jobs.JobOptions;
import dev.capstan.jobs.JobSettings;
import dev.capstan.jobs.JobType;
import dev.capstan.jobs.RecurringJob;
import dev.capstan.security.SecretMask;
import dev.capstan.slack.Interactions;
import dev.capstan.slack.SlackWebApi;
import dev.capstan.store.GitHubIdentities;
import dev.capstan.store.PeopleStore;
import dev.capstan.webhooks.WebhookHandler;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * What one family sees at registration: where it declares what it needs (commands, clicks, forms, confirmations, job
 * types, schedules, webhook subscriptions, settings, variables and secrets, Slack scopes, migrations, routes) and the
 * platform's services it may keep (database, clock, outbox, updatable messages, outbound HTTP, Slack, people, GitHub).
 */
public final class FeatureContext {
    private final String family;
    private final PlatformServices services;
    private final Declarations declarations;
    private final SettingsBinder binder;

    public FeatureContext(String family, PlatformServices services, Declarations declarations, SettingsBinder binder) {
        this.family = family;
        this.services = services;
        this.declarations = declarations;
        this.binder = binder;
    }

    public String family() {
        return family;
    }

    // ---- what the family declares

    /** Declares a family of commands; add its commands (annotated classes or declared specs) to the returned family. */
    public Family family(String name, String description) {
        return services.commands().family(name, description);
    }

    /** Another name for one of the family's command families (deploybot's {@code /cimon}); an alias in the configuration file overrides it. */
    public void alias(String alias, String familyName) {
        services.commands().alias(alias, familyName);
    }

    /** A help topic: one name for several of the family's command families, so that {@code help <topic>} shows them all. */
    public void topic(String name, String... familyNames) {
        services.commands().topic(name, familyNames);
    }

    /** Rewrites a special form typed after the main command into a regular one (the directory's {@code U123 ++}). */
    public void shorthand(Shorthand shorthand) {
        services.commands().shorthand(shorthand);
    }

    /** Lines about a person that {@code whoami} shows. */
    public void whoamiFact(Function<String, List<String>> fact) {
        services.commands().whoamiFact(fact);
    }

    /** A name an access rule may guard ({@code flush <site>}) that is no command of its own; the access rules are checked against it. */
    public void guard(String fullName) {
        services.commands().guard(fullName);
    }

    /**
     * Families of commands this family installs, replaces and removes while Capstan runs (commands declared in the
     * configuration file, reloaded); the rest of the registry stays out of reach.
     */
    public ReplaceableFamilies replaceableFamilies() {
        return services.commands();
    }

    /** Declares an "are you sure?" whose confirmation runs {@code action}; ask with {@code context.confirm(question, type, payload)}. */
    public <T> ConfirmationType<T> confirmation(String kind, Class<T> payload, boolean slow, ConfirmedAction<T> action) {
        ConfirmationType<T> type = new ConfirmationType<>(kind, payload);
        confirmation(type, slow, action);
        return type;
    }

    /** Declares what confirming a question of {@code type} runs, for a type the family's commands hold as a constant. */
    public <T> void confirmation(ConfirmationType<T> type, boolean slow, ConfirmedAction<T> action) {
        services.confirmations().register(type, slow, action);
    }

    /** Clicks on buttons and selects with this action id (unknown ids are answered by the platform). */
    public void onClick(String actionId, Interactions.ClickHandler handler) {
        services.interactions().onClick(actionId, handler);
    }

    /** Submissions of the modal with this callback id. */
    public void onSubmit(String callbackId, Interactions.SubmitHandler handler) {
        services.interactions().onSubmit(callbackId, handler);
    }

    /** Events API events of this type; the Slack app manifest subscribes to them. */
    public void onEvent(String type, EventSubscriptions.Handler handler) {
        services.events().on(type, handler);
    }

    /** A durable job type; enqueue through the returned handle, from a command, a click, a webhook or another job. */
    public <T> JobType<T> job(String name, Class<T> data, JobOptions<T> options, JobHandler<T> handler) {
        return services.jobs().define(name, data, options, handler);
    }

    /** The platform's retry settings, for {@link JobOptions#retrying}. */
    public JobSettings jobSettings() {
        return services.jobs().settings();
    }

    /** Runs work on a cron schedule (with seconds), once per firing across all replicas. */
    public void schedule(RecurringJob job) {
        services.jobs().schedule(job);
    }

    /** Deliveries of {@code event} ("*" for all) from {@code source} ("github", "circleci", or a hook named in configuration). */
    public void onWebhook(String source, String event, WebhookHandler handler) {
        services.webhooks().subscribe(family, source, event, handler);
    }

    /**
     * The family's settings ({@code families.<name>} in the YAML file) bound to {@code type}; a problem (unknown key,
     * wrong type, invalid value) is reported with every other configuration problem, and the defaults stand in meanwhile.
     */
    public <S> S settings(Class<S> type) {
        String path = "families." + family;
        List<String> found = new ArrayList<>();
        Optional<S> bound = binder.bind(path, services.familySettings().get(family), type, found);
        found.forEach(declarations::problem);
        return bound.orElseGet(() -> binder.bind(path, null, type, new ArrayList<>())
                .orElseThrow(() -> new IllegalStateException(type.getSimpleName() + " has no valid defaults")));
    }

    /** Declares a secret read from the environment; its value (null when unset) is masked wherever Capstan writes text. */
    public String secret(String name, String meaning) {
        declarations.variable(new Variable(name, family, meaning, true));
        String value = value(name);
        services.secrets().add(value);
        return value;
    }

    /**
     * Declares the secret that verifies deliveries from {@code source} ("circleci"), read from the environment variable
     * {@code name}; without it the source's endpoint does not exist (404). Returns the value (null when unset).
     */
    public String webhookSecret(String source, String name, String meaning) {
        String value = secret(name, meaning);
        declarations.webhookSecret(source, value);
        return value;
    }

    /** Declares a plain environment variable (a URL, a user name); null when unset. */
    public String variable(String name, String meaning) {
        declarations.variable(new Variable(name, family, meaning, false));
        return value(name);
    }

    /**
     * The family's part of each person's Home tab: the blocks for that person (empty when nothing concerns them). The
     * platform orders and assembles the parts, keeps them within Slack's limits, and shows one that fails as such.
     */
    public void homeSection(HomeSections.Section section) {
        services.home().add(family, section);
    }

    /** Something on this person's Home changed (an approval asked of them, their deployment ended): it is published again soon. */
    public void homeChanged(String userId) {
        services.home().changed(userId);
    }

    /** Bot token scopes the family needs beyond the platform's own; the Slack app manifest lists them. */
    public void requireScopes(String... scopes) {
        services.commands().requireScopes(scopes);
    }

    /** The family's migrations in {@code db/<family>}, with versions from {@code firstVersion} to {@code firstVersion + 9}. */
    public void migrations(int firstVersion) {
        declarations.migrations(new FamilyMigrations(family, firstVersion));
    }

    /** An HTTP route of the family's own (a REST API); webhooks go through {@link #onWebhook} instead. */
    public void route(String method, String path, Declarations.Endpoint endpoint) {
        declarations.route(method, path, endpoint);
    }

    /**
     * Work to do once at start (seeding, checks that need the database or an outside service's answer): after the
     * migrations, once Capstan listens (so a stand-in it serves itself answers) and before the job workers start;
     * /readyz says not ready until it is done.
     */
    public void onStart(Runnable work) {
        declarations.onStart(work);
    }

    /** Work to do when Capstan closes, before the jobs and the database stop (a family's own watcher thread). */
    public void onStop(Runnable work) {
        declarations.onStop(work);
    }

    /**
     * The YAML file (CAPSTAN_CONFIG, the platform's variable), when there is one: for a family that owns a top-level section
     * of it ({@code commands}) and reads it itself, to name the line of each problem and to reload the section when the
     * file changes, and for a family that reads a file named relative to it (the cache flush's allowed users).
     */
    public Optional<Path> configFile() {
        return Optional.ofNullable(value("CAPSTAN_CONFIG")).map(Path::of);
    }

    /**
     * An environment variable that configuration names (a declared command's {@code {{env.X}}} or {@code ${secret:X}})
     * rather than the family's code; null when unset. Unlike {@link #variable} it is not listed among the declared
     * variables, and reading it declares nothing; a caller that reads a secret masks it itself.
     */
    public String configuredVariable(String name) {
        return value(name);
    }

    /** Reports a configuration problem found while registering; start-up stops with every problem listed. */
    public void problem(String problem) {
        declarations.problem(family + ": " + problem);
    }

    // ---- the platform's services

    /** The configured access rules, for a family that guards names of its own ({@link #guard}). */
    public AccessPolicy accessPolicy() {
        return services.access();
    }

    /** The handlers every family declared for an Events API event type, for a family that stands in for Slack (the playground). */
    public List<EventSubscriptions.Handler> eventSubscribers(String type) {
        return services.events().handlersFor(type);
    }

    /**
     * Runs a command line as if {@code userId} typed it after {@code /capstan} in {@code channelId} (same policy, audit
     * and replies), its reply going to {@code responseUrl}: for a form that builds the line.
     */
    public void runAsTyped(String userId, String channelId, String line, String responseUrl) {
        services.runner().runAsTyped(userId, channelId, line, responseUrl);
    }

    /** Durable DMs and channel posts; delivery runs as a retried job. */
    public Outbox outbox() {
        return services.outbox();
    }

    /** Messages the family keeps and updates in place, from any replica. */
    public Messages messages() {
        return services.messages();
    }

    /** An outbound HTTP client for {@code purpose} ("flush.cloudflare"), with its host allow-list and timeouts. */
    public OutboundClient http(String purpose, HttpPolicy policy) {
        return services.http().client(family + "." + purpose, policy);
    }

    public Jdbi jdbi() {
        return services.jdbi();
    }

    public Clock clock() {
        return services.clock();
    }

    /** The Slack Web API with the bot token, 429-aware; for calls a family makes from its jobs. */
    public SlackWebApi slack() {
        return services.slack();
    }

    /** People and roles, shared with the platform so that a role a family changes takes effect at once. */
    public PeopleStore people() {
        return services.people();
    }

    /** Each person's one GitHub identity, shared by every family. */
    public GitHubIdentities identities() {
        return services.identities();
    }

    /** The organisation's GitHub App, when GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY and GITHUB_ORG are set. */
    public Optional<GitHubApp> github() {
        return services.github();
    }

    public MeterRegistry metrics() {
        return services.metrics();
    }

    /** Every secret value of this Capstan, for a family that writes text a secret may be in, or reads secrets that configuration names. */
    public SecretMask secretMask() {
        return services.secrets();
    }

    /** The audit log, for what a family records outside a command, click or job (a refused fetch of its own data). */
    public AuditLog audit() {
        return services.audit();
    }

    private String value(String name) {
        String value = services.environment().get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
