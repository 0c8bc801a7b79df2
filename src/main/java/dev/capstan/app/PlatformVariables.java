package dev.capstan.app;

import dev.capstan.platform.Variable;
import java.util.List;

/** The environment variables the platform itself reads; the families declare theirs when they register. */
final class PlatformVariables {
    static final String OWNER = "platform";

    private PlatformVariables() {
    }

    static List<Variable> all() {
        return List.of(
                plain("PORT", "HTTP port (default 3000)"),
                secret("SLACK_SIGNING_SECRET", "the Slack app's signing secret; without it Slack requests are refused"),
                secret("SLACK_BOT_TOKEN", "the bot token (xoxb-…) for DMs, channel posts and other Web API calls"),
                secret("SLACK_APP_TOKEN", "an app-level token (xapp-…) to connect over Socket Mode instead of public URLs"),
                plain("SLACK_API_URL", "the Web API base URL (tests and the playground point it at a local fake)"),
                secret("DATABASE_URL", "jdbc:h2:…, jdbc:postgresql://… or postgres://user:pass@host:port/db"),
                plain("CAPSTAN_ADMINS", "Slack user ids made admin at start"),
                plain("CAPSTAN_CONFIG", "a YAML file with aliases, access rules, hooks and family settings"),
                plain("CAPSTAN_PLAYGROUND", "true forces the playground on (localhost only), false keeps it off"),
                plain("CAPSTAN_PLAYGROUND_KEEP", "names of outside-service secrets the playground keeps"),
                secret("GITHUB_WEBHOOK_SECRET", "verifies POST /github/webhook"),
                plain("GITHUB_API_URL", "GitHub's REST API base URL (tests and the playground point it at a fake)"),
                plain("GITHUB_APP_ID", "the GitHub App's id"),
                secret("GITHUB_APP_PRIVATE_KEY", "the GitHub App's private key (PKCS#8 PEM)"),
                plain("GITHUB_ORG", "the organisation the GitHub App is installed on"));
    }

    private static Variable plain(String name, String meaning) {
        return new Variable(name, OWNER, meaning, false);
    }

    private static Variable secret(String name, String meaning) {
        return new Variable(name, OWNER, meaning, true);
    }
}
