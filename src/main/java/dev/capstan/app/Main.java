package dev.capstan.app;

import dev.capstan.features.commands.DeclaredCommands;
import dev.capstan.features.deploy.Deploy;
import dev.capstan.features.directory.Directory;
import dev.capstan.features.flush.Flush;
import dev.capstan.features.timereport.TimeReport;
import dev.capstan.jobs.JobSettings;
import dev.capstan.platform.Feature;
import java.io.PrintStream;
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
    public static List<Feature> features() {
        return List.of(new Directory(), new TimeReport(), new Deploy(), new Flush(), new DeclaredCommands());
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        if (args.length > 0 && args[0].equals("manifest")) {
            System.exit(runManifest(List.of(args).subList(1, args.length), env));
            return;
        }
        if (args.length > 0 && args[0].equals("training-run")) {
            TrainingRun.run();
            System.exit(0);
            return;
        }
        Launcher.Running running;
        try {
            running = Launcher.start(env, features(), Clock.systemUTC(), JobSettings.defaults());
        } catch (Config.Invalid invalid) {
            System.err.println(invalid.getMessage());
            System.exit(2);
            return;
        } catch (Launcher.StartFailed failed) {
            System.err.println(failed.getMessage());
            System.exit(1);
            return;
        }
        Capstan capstan = running.capstan();
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "capstan-shutdown"));
        if (running.playgroundUrl() != null) {
            log.info("Playground: open {} to try Capstan without Slack (listening on localhost only).", running.playgroundUrl());
            log.info("To connect a workspace: 'java -jar capstan.jar manifest --url https://your.host' prints the Slack app "
                    + "manifest; then set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (see README, 'Connect to Slack in 10 minutes').");
            System.out.println("Capstan playground: " + running.playgroundUrl());
        } else {
            log.info("Capstan is listening on port {}", capstan.port());
            if (isBlank(env.get("SLACK_SIGNING_SECRET")) && isBlank(env.get("SLACK_APP_TOKEN"))) {
                log.info("Slack is not connected: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (or SLACK_APP_TOKEN for "
                        + "Socket Mode) and restart; see README, 'Connect to Slack in 10 minutes'.");
            }
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Stdout carries only the manifest ({@code manifest … > app.yaml}): everything else printed, logs included, goes to stderr. */
    private static int runManifest(List<String> args, Map<String, String> env) {
        PrintStream manifestOut = System.out;
        System.setOut(System.err);
        try {
            return ManifestCommand.run(args, env, features(), manifestOut, System.err);
        } catch (Config.Invalid invalid) {
            System.err.println(invalid.getMessage());
            return 2;
        }
    }
}
