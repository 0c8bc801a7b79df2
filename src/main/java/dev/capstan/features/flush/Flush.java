package dev.capstan.features.flush;

import dev.capstan.command.ConfirmationType;
import dev.capstan.http.HostAllowList;
import dev.capstan.http.HttpPolicy;
import dev.capstan.http.HttpUrl;
import dev.capstan.http.OutboundClient;
import dev.capstan.jobs.JobOptions;
import dev.capstan.jobs.JobType;
import dev.capstan.platform.Feature;
import dev.capstan.platform.FeatureContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cache flush family ({@code /flush}): a modal that checks every target before anything is sent, purges on
 * Akamai, Fastly, Cloudflare or the team's own flush service in a durable job within a rate budget all replicas share, and reports the result in
 * the modal, by DM and in the site's audit channel, failures too. Replaces the NHS cache-flush Slack app.
 */
public final class Flush implements Feature {
    public static final String FAMILY = "flush";
    /** V40 to V49. */
    static final int MIGRATIONS = 40;

    private final FakePurge fake;

    public Flush() {
        this(new FakePurge());
    }

    /** With the pretend CDN given, so that a test can see what it was asked. */
    Flush(FakePurge pretendCdn) {
        this.fake = pretendCdn;
    }

    @Override
    public String name() {
        return FAMILY;
    }

    @Override
    public void register(FeatureContext context) {
        FlushSettings settings = context.settings(FlushSettings.class);
        context.migrations(MIGRATIONS);
        Sites sites = new Sites(settings);
        sites.all().forEach(site -> context.guard(site.guardedName()));
        SiteAccess access = new SiteAccess(sites, context.accessPolicy(), context.people(), allowList(context, settings));
        Providers providers = providers(context, sites);
        Purges purges = new Purges(context.jdbi());
        RateBudget budget = new RateBudget(context.jdbi(), context.clock(), new RateBuckets(settings.rateLimits()));
        ModalResult modal = new ModalResult(context.slack(), context.clock());
        modal.showAgainWith(context.job(ModalResult.JOB, ModalResult.Again.class, JobOptions.retrying(context.jobSettings(), (run, failure) -> { }),
                modal));
        ResultReporter reporter = new ResultReporter(context.jdbi(), purges, context.outbox(), modal, context.clock());
        PurgeJob purgeJob = new PurgeJob(purges, sites, providers, budget, reporter);
        PurgeStarter starter = new PurgeStarter(context.jdbi(), purges, context.clock());
        starter.runWith(context.job(PurgeJob.NAME, PurgeJob.Task.class, JobOptions.retrying(context.jobSettings(), purgeJob::gaveUp), purgeJob));
        ConfirmationType<PurgeOrder> everything = context.confirmation(ConfirmedEverything.KIND, PurgeOrder.class, false,
                new ConfirmedEverything(sites, access, starter));
        context.onSubmit(FlushViews.CALLBACK_ID, new FormSubmission(sites, access, starter));
        context.onClick(PurgeReport.AGAIN_ACTION, new PurgeAgain(purges, sites, access, starter, context.outbox()));
        context.homeSection(new FlushHome(purges, sites));
        FormOpener opener = new FormOpener(sites, access, context.slack());
        context.family(FAMILY, "Purge a site's CDN cache (Akamai, Fastly, Cloudflare) from a form.").ownSlashCommand()
                .add(() -> new OpenForm(opener))
                .add(() -> new PurgeHistory(sites, access, purges))
                .add(() -> new PurgeEverything(sites, access, everything));
    }

    /**
     * The allow-list: a CSV file relative to the YAML file's folder, read again when it changes (a file that cannot be
     * read at start stops start-up), or an https:// address fetched now and then every {@code allowed_users_every}.
     */
    private static AllowList allowList(FeatureContext context, FlushSettings settings) {
        String source = settings.allowedUsersCsv();
        if (source == null) return AllowedUsers.none();
        AllowListTrouble trouble = new AllowListTrouble(context.audit(), context.clock());
        if (FlushSettings.remote(source)) return fetched(context, settings, trouble);
        Path file = Path.of(source);
        Optional<Path> config = context.configFile();
        if (!file.isAbsolute() && config.isPresent()) file = config.get().toAbsolutePath().getParent().resolve(file);
        try {
            return new WatchedAllowList(file, trouble);
        } catch (IllegalArgumentException e) {
            context.problem(e.getMessage());
            return AllowedUsers.none();
        }
    }

    private static AllowList fetched(FeatureContext context, FlushSettings settings, AllowListTrouble trouble) {
        SecretUrl address = new SecretUrl(settings.allowedUsersCsv());
        String url = SecretUrls.resolve(context, address, "allowed_users_csv");
        OutboundClient http = context.http("allowed-users", HttpPolicy.standard(HostAllowList.of(address.host())).withAttempts(1));
        FetchedAllowList list = new FetchedAllowList(address.url(), url, http, context.jdbi(), context.clock(),
                settings.allowedUsersEvery(), trouble);
        JobType<FetchedAllowList.Fetch> fetches = context.job(FetchedAllowList.JOB, FetchedAllowList.Fetch.class,
                JobOptions.retrying(context.jobSettings(), (run, failure) -> { }), list);
        context.onStart(() -> {
            if (url == null) return;
            list.fetch();
            fetches.enqueueAt(FetchedAllowList.JOB_ID, context.clock().instant().plus(list.every()), new FetchedAllowList.Fetch());
        });
        return list;
    }

    private Providers providers(FeatureContext context, Sites sites) {
        AkamaiPurge.Account akamai = new AkamaiPurge.Account(
                context.secret("AKAMAI_HOST", "Akamai API client host (akab-….purge.akamaiapis.net), for Fast Purge"),
                context.secret("AKAMAI_CLIENT_TOKEN", "Akamai API client token (EdgeGrid)"),
                context.secret("AKAMAI_CLIENT_SECRET", "Akamai API client secret (EdgeGrid)"),
                context.secret("AKAMAI_ACCESS_TOKEN", "Akamai API access token (EdgeGrid)"));
        String fastly = context.secret("FASTLY_API_TOKEN", "Fastly API token with purge_select (and purge_all for everything)");
        String cloudflare = context.secret("CLOUDFLARE_API_TOKEN", "Cloudflare API token with Zone › Cache Purge › Purge");
        Map<Cdn, PurgeProvider> byCdn = new EnumMap<>(Cdn.class);
        List<String> akamaiHosts = new ArrayList<>(List.of("*.akamaiapis.net"));
        if (akamai.host() != null) akamaiHosts.add(akamai.host().replaceFirst("^https?://", "").replaceAll("[:/].*$", ""));
        byCdn.put(Cdn.AKAMAI, new AkamaiPurge(client(context, sites, Cdn.AKAMAI, akamaiHosts), akamai, context.clock()));
        byCdn.put(Cdn.FASTLY, new FastlyPurge(client(context, sites, Cdn.FASTLY, List.of("api.fastly.com")), fastly));
        byCdn.put(Cdn.CLOUDFLARE, new CloudflarePurge(client(context, sites, Cdn.CLOUDFLARE, List.of("api.cloudflare.com")), cloudflare));
        byCdn.put(Cdn.HTTP, new HttpPurge(client(context, sites, Cdn.HTTP, List.of()), SecretUrls.resolve(context, sites), context.secretMask()));
        byCdn.put(Cdn.FAKE, fake);
        for (Site site : sites.all()) {
            List<String> missing = missing(site.cdn(), akamai, fastly, cloudflare, site.settings().apiUrl() != null);
            if (!missing.isEmpty()) {
                context.problem("sites." + site.name() + " is on " + site.cdn().label() + ", which needs " + String.join(", ", missing));
            }
        }
        return new Providers(byCdn);
    }

    /** One outbound client per CDN: its own API host and the hosts of the sites' api_url (or http.url); calls are tried once (the job retries). */
    private static OutboundClient client(FeatureContext context, Sites sites, Cdn cdn, List<String> standard) {
        List<String> hosts = new ArrayList<>(standard);
        sites.all().stream().filter(s -> s.cdn() == cdn && s.settings().apiUrl() != null)
                .forEach(s -> hosts.add(s.settings().apiUrl().host()));
        sites.all().stream().filter(s -> s.cdn() == cdn && s.settings().http() != null).forEach(s -> hosts.add(s.settings().http().host()));
        return context.http(cdn.id(), HttpPolicy.standard(new HostAllowList(hosts)).withAttempts(1));
    }

    private static List<String> missing(Cdn cdn, AkamaiPurge.Account akamai, String fastly, String cloudflare, boolean ownApiUrl) {
        List<String> missing = new ArrayList<>();
        switch (cdn) {
            case AKAMAI -> {
                if (akamai.host() == null && !ownApiUrl) missing.add("AKAMAI_HOST");
                if (akamai.clientToken() == null) missing.add("AKAMAI_CLIENT_TOKEN");
                if (akamai.clientSecret() == null) missing.add("AKAMAI_CLIENT_SECRET");
                if (akamai.accessToken() == null) missing.add("AKAMAI_ACCESS_TOKEN");
            }
            case FASTLY -> {
                if (fastly == null) missing.add("FASTLY_API_TOKEN");
            }
            case CLOUDFLARE -> {
                if (cloudflare == null) missing.add("CLOUDFLARE_API_TOKEN");
            }
            case HTTP, FAKE -> { }
        }
        return missing;
    }
}
