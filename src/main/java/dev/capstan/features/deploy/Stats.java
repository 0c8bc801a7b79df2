package dev.capstan.features.deploy;

import dev.capstan.jobs.JobOptions;
import dev.capstan.platform.FeatureContext;
import dev.capstan.store.ApiTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Declares the delivery metrics' parts: the lead-time job, the chart route, the gauges and the REST API (its tokens in deploy_api_tokens). */
final class Stats {
    private static final Logger log = LoggerFactory.getLogger(Stats.class);

    private Stats() {
    }

    static DeliveryStats register(FeatureContext context, DeployJobs jobs, ApiTokens tokens) {
        String publicUrl = context.variable("CAPSTAN_PUBLIC_URL",
                "the https address Slack reaches this Capstan at, for images in replies (the delivery metrics' chart)");
        FetchLeadTime fetch = new FetchLeadTime(new LeadTimes(context.jdbi()), context.github(), context.clock());
        jobs.declareStats(context.job("deploy.lead-time", FetchLeadTime.Ref.class, JobOptions.retrying(context.jobSettings(),
                (run, failure) -> log.warn("Gave up asking GitHub what deployment #{} brought out: {}", run.data().id(), failure.sentence())),
                run -> fetch.run(run.data())));
        DeliveryHistory history = new DeliveryHistory(context.jdbi());
        DeliveryStats stats = new DeliveryStats(history, new ChartStore(context.jdbi(), context.clock()),
                context.clock(), publicUrl);
        context.route("GET", DeliveryStats.CHARTS + "{id}", stats::chart);
        StatsGauges gauges = new StatsGauges(history, stats, context.metrics(), context.clock());
        context.onStart(gauges::start);
        context.route("GET", StatsApi.PATH, new StatsApi(tokens, stats)::handle);
        return stats;
    }
}
