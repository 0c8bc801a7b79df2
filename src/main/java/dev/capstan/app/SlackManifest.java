package dev.capstan.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.capstan.command.Commands;
import dev.capstan.command.EventSubscriptions;
import dev.capstan.command.Family;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The Slack app manifest (api.slack.com/reference/manifests) for what this build serves, so nobody clicks through app settings. */
public final class SlackManifest {
    /** The main entry: a slash command that is no family, whose first word names the family. */
    public static final String MAIN_COMMAND = "/capstan";
    /** What the platform itself needs: slash commands, replies and DMs. */
    static final Set<String> PLATFORM_SCOPES = Set.of("commands", "chat:write", "im:write");
    /** Scopes Slack requires before it delivers an event type to the app. */
    static final Map<String, List<String>> EVENT_SCOPES = Map.of(
            "team_join", List.of("users:read"),
            "user_change", List.of("users:read"),
            "app_mention", List.of("app_mentions:read"),
            "message.channels", List.of("channels:history"),
            "message.groups", List.of("groups:history"),
            "message.im", List.of("im:history"),
            "channel_created", List.of("channels:read"),
            "member_joined_channel", List.of("channels:read", "groups:read"));
    private static final int MAX_DESCRIPTION = 100;
    private static final String MAIN_DESCRIPTION = "Capstan: every command, and help";
    private static final String MAIN_HINT = "help | <family> <command> …";
    private static final String FAMILY_HINT = "help | <command> …";

    private final Commands commands;
    private final EventSubscriptions events;

    public SlackManifest(Commands commands, EventSubscriptions events) {
        this.commands = commands;
        this.events = events;
    }

    /** The manifest as YAML; {@code baseUrl} is ignored in Socket Mode, where Slack needs no request URLs. */
    public String yaml(String baseUrl, boolean socketMode) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
        try {
            return yaml.writeValueAsString(manifest(trimSlash(baseUrl), socketMode));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the manifest", e);
        }
    }

    Map<String, Object> manifest(String baseUrl, boolean socketMode) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        Map<String, Object> display = new LinkedHashMap<>();
        display.put("name", "Capstan");
        display.put("description", "Self-hosted ChatOps: slash commands, buttons and modals for your team.");
        manifest.put("display_information", display);
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("bot_user", Map.of("display_name", "Capstan", "always_online", true));
        features.put("app_home", Map.of("home_tab_enabled", true, "messages_tab_enabled", true,
                "messages_tab_read_only_enabled", false));
        features.put("slash_commands", slashCommands(baseUrl, socketMode));
        manifest.put("features", features);
        manifest.put("oauth_config", Map.of("scopes", Map.of("bot", List.copyOf(scopes()))));
        Map<String, Object> settings = new LinkedHashMap<>();
        Set<String> eventTypes = new TreeSet<>(events.types());
        if (!eventTypes.isEmpty()) {
            Map<String, Object> subscriptions = new LinkedHashMap<>();
            if (!socketMode) subscriptions.put("request_url", baseUrl + "/slack/events");
            subscriptions.put("bot_events", List.copyOf(eventTypes));
            settings.put("event_subscriptions", subscriptions);
        }
        Map<String, Object> interactivity = new LinkedHashMap<>();
        interactivity.put("is_enabled", true);
        if (!socketMode) interactivity.put("request_url", baseUrl + "/slack/interactive");
        settings.put("interactivity", interactivity);
        settings.put("org_deploy_enabled", false);
        settings.put("socket_mode_enabled", socketMode);
        settings.put("token_rotation_enabled", false);
        manifest.put("settings", settings);
        return manifest;
    }

    /** Every bot scope: the platform's, the ones families declared, and those their event subscriptions need. */
    public Set<String> scopes() {
        Set<String> scopes = new TreeSet<>(PLATFORM_SCOPES);
        scopes.addAll(commands.scopes());
        for (String type : events.types()) scopes.addAll(EVENT_SCOPES.getOrDefault(type, List.of()));
        return scopes;
    }

    /** The main entry, each family that asks for its own, and each alias that reaches one of them (described as such). */
    private List<Map<String, Object>> slashCommands(String baseUrl, boolean socketMode) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        byName.put(MAIN_COMMAND, slashCommand(MAIN_COMMAND, MAIN_DESCRIPTION, MAIN_HINT, baseUrl, socketMode));
        for (Family family : commands.families()) {
            String name = "/" + family.name();
            if (family.hasOwnSlashCommand()) byName.put(name, slashCommand(name, family.description(), FAMILY_HINT, baseUrl, socketMode));
        }
        commands.aliases().forEach((alias, target) -> {
            String name = "/" + alias;
            if (byName.containsKey(name)) return;
            Family family = commands.find(alias);
            byName.put(name, family == null
                    ? slashCommand(name, "Same as " + MAIN_COMMAND + ": every command, and help", MAIN_HINT, baseUrl, socketMode)
                    : slashCommand(name, "Same as " + reach(family) + ": " + family.description(), FAMILY_HINT, baseUrl, socketMode));
        });
        return List.copyOf(byName.values());
    }

    private static String reach(Family family) {
        return family.hasOwnSlashCommand() ? "/" + family.name() : MAIN_COMMAND + " " + family.name();
    }

    private static Map<String, Object> slashCommand(String name, String description, String hint, String baseUrl,
                                                    boolean socketMode) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("command", name);
        if (!socketMode) command.put("url", baseUrl + "/slack/commands");
        command.put("description", cut(description.isBlank() ? name : description));
        command.put("usage_hint", hint);
        command.put("should_escape", true);
        return command;
    }

    private static String cut(String text) {
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 1) + "…";
    }

    private static String trimSlash(String url) {
        return url == null ? "" : url.replaceAll("/+$", "");
    }
}
