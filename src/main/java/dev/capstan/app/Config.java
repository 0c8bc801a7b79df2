package dev.capstan.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.capstan.command.AccessRule;
import dev.capstan.command.Role;
import dev.capstan.command.SlackIds;
import dev.capstan.jobs.JobSettings;
import dev.capstan.store.DatabaseUrl;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Everything Capstan is told from outside: the environment (secrets included) and the optional YAML file. */
public record Config(
        int port,
        String signingSecret,
        String botToken,
        String appToken,
        String slackApiUrl,
        DatabaseUrl database,
        Set<String> admins,
        Map<String, String> aliases,
        List<AccessRule> accessRules,
        Map<String, JsonNode> families,
        Map<String, String> hookSecrets,
        String githubWebhookSecret,
        String githubApiUrl,
        RetentionSettings retention,
        Duration jobHeartbeat) {

    public static final String DEFAULT_SLACK_API_URL = "https://slack.com/api/";
    /** Built in: Rocket 2's slash command (a family declares its own, like deploy's /cimon); one whose target this build lacks is left out. */
    static final Map<String, String> DEFAULT_ALIASES = Map.of("rocket", "capstan");
    static final Duration SHORTEST_HEARTBEAT = Duration.ofSeconds(1);

    /** Invalid configuration: every problem found, so they can all be fixed at once. */
    public static final class Invalid extends RuntimeException {
        private final List<String> problems;

        public Invalid(List<String> problems) {
            super("Capstan cannot start; fix the configuration:\n  - " + String.join("\n  - ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    public boolean slackConnected() {
        return signingSecret != null;
    }

    /** The same configuration with {@code defaults} for the families the YAML file says nothing about (the playground's). */
    public Config withFamilyDefaults(Map<String, JsonNode> defaults) {
        Map<String, JsonNode> all = new LinkedHashMap<>(defaults);
        all.putAll(families);
        return new Config(port, signingSecret, botToken, appToken, slackApiUrl, database, admins, aliases, accessRules,
                Map.copyOf(all), hookSecrets, githubWebhookSecret, githubApiUrl, retention, jobHeartbeat);
    }

    public JsonNode family(String name) {
        JsonNode node = families.get(name);
        return node == null ? MissingNode.getInstance() : node;
    }

    /** A reading of the environment and the YAML file: the configuration as far as it is valid, and every problem found. */
    public record Reading(Config config, List<String> problems) {
        public Reading {
            problems = List.copyOf(problems);
        }

        public Config orThrow() {
            if (!problems.isEmpty()) throw new Invalid(problems);
            return config;
        }
    }

    /** Reads and checks everything; throws {@link Invalid} with every problem. */
    public static Config fromEnvironment(Map<String, String> env) {
        return read(env).orThrow();
    }

    /** Reads everything, collecting problems instead of throwing, so that the families' own can be added to them. */
    public static Reading read(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        int port = 3000;
        String portText = blankToNull(env.get("PORT"));
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
                if (port < 0 || port > 65535) problems.add("PORT must be between 0 and 65535, not " + portText);
            } catch (NumberFormatException e) {
                problems.add("PORT must be a number, not '" + portText + "'");
            }
        }
        String secret = blankToNull(env.get("SLACK_SIGNING_SECRET"));
        String token = blankToNull(env.get("SLACK_BOT_TOKEN"));
        String appToken = blankToNull(env.get("SLACK_APP_TOKEN"));
        if (token != null && !token.startsWith("xoxb-")) problems.add("SLACK_BOT_TOKEN must be a bot token (xoxb-…)");
        if (appToken != null && !appToken.startsWith("xapp-")) problems.add("SLACK_APP_TOKEN must be an app-level token (xapp-…)");
        if (appToken != null && token == null) {
            problems.add("SLACK_BOT_TOKEN is required when SLACK_APP_TOKEN is set: Socket Mode brings the requests, the bot token answers them");
        }
        if (token != null && secret == null && appToken == null) {
            problems.add("SLACK_SIGNING_SECRET is required when SLACK_BOT_TOKEN is set (or set SLACK_APP_TOKEN for Socket Mode)");
        }
        String apiUrl = blankToNull(env.get("SLACK_API_URL"));
        if (apiUrl == null) apiUrl = DEFAULT_SLACK_API_URL;
        if (!apiUrl.endsWith("/")) apiUrl = apiUrl + "/";
        checkUrl("SLACK_API_URL", apiUrl, problems);
        String githubApi = blankToNull(env.get("GITHUB_API_URL"));
        if (githubApi != null) checkUrl("GITHUB_API_URL", githubApi, problems);

        DatabaseUrl database = null;
        try {
            database = DatabaseUrl.parse(env.get("DATABASE_URL"));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        Set<String> admins = new HashSet<>();
        String adminText = blankToNull(env.get("CAPSTAN_ADMINS"));
        if (adminText != null) {
            for (String id : adminText.split("[,\\s]+")) {
                if (id.isBlank()) continue;
                if (SlackIds.isUser(id)) admins.add(id);
                else problems.add("CAPSTAN_ADMINS: '" + id + "' is not a Slack user id (U… or W…)");
            }
        }
        ConfigFile file = ConfigFile.empty();
        String configPath = blankToNull(env.get("CAPSTAN_CONFIG"));
        if (configPath != null) file = readFile(Path.of(configPath), problems);

        Map<String, String> aliases = new LinkedHashMap<>(DEFAULT_ALIASES);
        file.aliases().forEach((alias, target) -> {
            if (alias == null || target == null || alias.isBlank() || target.isBlank()) {
                problems.add("aliases: an alias and its target must both be words");
            } else {
                aliases.put(alias, target);
            }
        });
        List<AccessRule> rules = new ArrayList<>();
        for (int i = 0; i < file.access().size(); i++) {
            ConfigFile.Rule rule = file.access().get(i);
            String where = "access[" + i + "]";
            if (rule == null || rule.command() == null || rule.command().isBlank()) {
                problems.add(where + ": 'command' is required (a command, a family or \"*\")");
                continue;
            }
            Role role = null;
            if (rule.role() != null) {
                role = Role.parse(rule.role()).orElse(null);
                if (role == null) problems.add(where + ": role '" + rule.role() + "' is not one of member, team_lead, admin");
            }
            rules.add(new AccessRule(rule.command(), role, set(rule.allowUsers()), set(rule.denyUsers()),
                    set(rule.allowChannels()), set(rule.denyChannels())));
        }
        Map<String, String> hookSecrets = hookSecrets(file, env, problems);
        return new Reading(new Config(port, secret, token, appToken, apiUrl, database, Set.copyOf(admins), Map.copyOf(aliases),
                List.copyOf(rules), file.families(), hookSecrets, blankToNull(env.get("GITHUB_WEBHOOK_SECRET")), githubApi,
                RetentionSettings.read(file.retention(), problems), jobHeartbeat(file.jobs(), problems)), problems);
    }

    /**
     * {@code jobs.heartbeat}, or null for the default: a replica silent for four heartbeats is taken for dead. Under a second,
     * a pause of the JVM (a long collection) could pass for a death and run its jobs twice.
     */
    private static Duration jobHeartbeat(ConfigFile.Jobs jobs, List<String> problems) {
        return jobs == null ? null : new ConfiguredDuration("jobs.heartbeat", SHORTEST_HEARTBEAT, "1s").read(jobs.heartbeat(), null, problems);
    }

    /** The same job settings with this configuration's heartbeat, when it sets one. */
    public JobSettings jobSettings(JobSettings given) {
        if (jobHeartbeat == null) return given;
        return new JobSettings(given.pollingInterval(), jobHeartbeat, given.missedHeartbeats(), given.threads(),
                given.maxRetries(), given.firstRetryDelay());
    }

    /** {@code hooks: {name: {secret_env: VAR}}}: each signed webhook source and its secret, read from the variable it names. */
    private static Map<String, String> hookSecrets(ConfigFile file, Map<String, String> env, List<String> problems) {
        Map<String, String> secrets = new LinkedHashMap<>();
        file.hooks().forEach((name, hook) -> {
            String where = "hooks." + name;
            if (!name.matches("[a-z0-9][a-z0-9-]{0,39}")) {
                problems.add(where + ": a hook source is named with lower-case letters, digits and '-'");
            } else if (name.equals("github") || name.equals("circleci")) {
                problems.add(where + ": " + name + " has its own endpoint (/" + name + "/webhook) and secret variable");
            } else if (hook == null || hook.secretEnv() == null || !hook.secretEnv().matches("[A-Z][A-Z0-9_]*")) {
                problems.add(where + ".secret_env: name the environment variable that holds the source's secret");
            } else {
                secrets.put(name, blankToNull(env.get(hook.secretEnv())));
            }
        });
        return secrets;
    }

    static ConfigFile readFile(Path path, List<String> problems) {
        if (!Files.isRegularFile(path)) {
            problems.add("CAPSTAN_CONFIG: no file at " + path);
            return ConfigFile.empty();
        }
        try {
            ConfigFile file = new ObjectMapper(new YAMLFactory()).findAndRegisterModules().readValue(path.toFile(), ConfigFile.class);
            return file == null ? ConfigFile.empty() : file;
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
            problems.add("CAPSTAN_CONFIG: " + path.getFileName() + " is not valid: " + message);
            return ConfigFile.empty();
        }
    }

    private static void checkUrl(String name, String value, List<String> problems) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) problems.add(name + " must be an http(s) URL");
        } catch (IllegalArgumentException e) {
            problems.add(name + " is not a URL");
        }
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        return "Config[port=" + port + ", slack=" + (slackConnected() ? "configured" : "not configured")
                + ", database=" + (database == null ? "?" : database.redacted()) + "]";
    }
}
