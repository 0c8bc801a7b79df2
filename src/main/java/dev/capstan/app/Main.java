package dev.capstan.app;

import dev.capstan.features.Feature;
import dev.capstan.features.timereport.TimeReport;
import dev.capstan.jobs.JobSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts Capstan from the environment; invalid configuration stops it with every problem listed at once. */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    /** The families this build ships, in help order. */
    static List<Feature> features() {
        return List.of(new TimeReport());
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        Config config;
        try {
            config = Config.fromEnvironment(env);
        } catch (Config.Invalid invalid) {
            System.err.println(invalid.getMessage());
            System.exit(2);
            return;
        }
        Capstan capstan = new Capstan(config, env, features(), Clock.systemUTC(), JobSettings.defaults()).start(config.port());
        Runtime.getRuntime().addShutdownHook(new Thread(capstan::close, "capstan-shutdown"));
        log.info("Capstan is listening on port {} (database: {})", capstan.port(), config.database().redacted());
        if (!config.slackConnected()) {
            log.info("Slack is not connected yet. To connect a workspace: create a Slack app (see README, "
                    + "'Connect to Slack'), then set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN and restart. "
                    + "Slack must reach POST /slack/commands, /slack/interactive and /slack/events on this server.");
        }
    }
}
