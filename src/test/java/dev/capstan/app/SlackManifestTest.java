package dev.capstan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.capstan.command.CapstanCommand;
import dev.capstan.command.CommandInfo;
import dev.capstan.command.Commands;
import dev.capstan.command.EventSubscriptions;
import dev.capstan.command.Reply;
import dev.capstan.command.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

class SlackManifestTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Command(name = "list", description = "List things.")
    @CommandInfo(role = Role.MEMBER)
    static final class ListThings implements CapstanCommand {
        @Override
        public Reply run(dev.capstan.command.CommandContext context) {
            return Reply.text("things");
        }
    }

    private final Commands commands = new Commands();
    private final EventSubscriptions events = new EventSubscriptions();

    SlackManifestTest() {
        commands.family("timereport", "Report your working time.").ownSlashCommand().add(ListThings::new);
        commands.family("team", "Teams and their members.").add(ListThings::new);
        commands.requireScopes("users:read.email", "files:write");
        events.on("team_join", event -> { });
    }

    private JsonNode manifest(boolean socketMode) throws Exception {
        return YAML.readTree(new SlackManifest(commands, events).yaml("https://capstan.example.org/", socketMode));
    }

    @Test
    void theManifestListsTheMainEntryAndTheFamiliesThatAskForTheirOwnSlashCommand() throws Exception {
        JsonNode commandsNode = manifest(false).path("features").path("slash_commands");
        List<String> names = new ArrayList<>();
        commandsNode.forEach(c -> names.add(c.path("command").asText()));
        assertThat(names).containsExactly("/capstan", "/timereport");
        assertThat(commandsNode.get(1).path("description").asText()).isEqualTo("Report your working time.");
        assertThat(commandsNode.get(1).path("url").asText()).isEqualTo("https://capstan.example.org/slack/commands");
        assertThat(commandsNode.get(1).path("should_escape").asBoolean()).isTrue();
    }

    @Test
    void theManifestAsksForExactlyThePlatformScopesTheDeclaredOnesAndThoseEventsNeed() throws Exception {
        Set<String> scopes = new TreeSet<>();
        manifest(false).path("oauth_config").path("scopes").path("bot").forEach(s -> scopes.add(s.asText()));
        assertThat(scopes).containsExactlyInAnyOrder("commands", "chat:write", "im:write", "users:read.email",
                "files:write", "users:read");
    }

    @Test
    void theManifestPointsSlackAtTheInteractivityAndEventsEndpointsAndSubscribesToRegisteredEvents() throws Exception {
        JsonNode settings = manifest(false).path("settings");
        assertThat(settings.path("interactivity").path("request_url").asText()).isEqualTo("https://capstan.example.org/slack/interactive");
        assertThat(settings.path("event_subscriptions").path("request_url").asText()).isEqualTo("https://capstan.example.org/slack/events");
        assertThat(settings.path("event_subscriptions").path("bot_events")).extracting(JsonNode::asText).containsExactly("team_join");
        assertThat(settings.path("socket_mode_enabled").asBoolean()).isFalse();
    }

    @Test
    void theSocketModeManifestHasNoRequestUrlsAtAll() throws Exception {
        JsonNode manifest = manifest(true);
        assertThat(manifest.path("settings").path("socket_mode_enabled").asBoolean()).isTrue();
        assertThat(manifest.toString()).doesNotContain("request_url").doesNotContain("capstan.example.org");
        assertThat(manifest.path("features").path("slash_commands")).hasSize(2);
    }

    @Test
    void aliasesThatReachTheMainEntryOrAFamilyAreSlashCommandsSayingWhatTheyReach() throws Exception {
        commands.alias("rocket", "capstan");
        commands.alias("tr", "timereport");
        commands.alias("squad", "team");
        Map<String, String> descriptions = new LinkedHashMap<>();
        manifest(false).path("features").path("slash_commands")
                .forEach(c -> descriptions.put(c.path("command").asText(), c.path("description").asText()));
        assertThat(descriptions.keySet()).containsExactly("/capstan", "/timereport", "/rocket", "/tr", "/squad");
        assertThat(descriptions.get("/rocket")).startsWith("Same as /capstan");
        assertThat(descriptions.get("/tr")).isEqualTo("Same as /timereport: Report your working time.");
        assertThat(descriptions.get("/squad")).isEqualTo("Same as /capstan team: Teams and their members.");
    }
}
