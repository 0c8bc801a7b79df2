package dev.capstan.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.command.AccessPolicy;
import dev.capstan.command.AuditLog;
import dev.capstan.command.CommandRunner;
import dev.capstan.command.Commands;
import dev.capstan.command.Confirmations;
import dev.capstan.command.EventSubscriptions;
import dev.capstan.command.HomeSections;
import dev.capstan.slack.Interactions;
import dev.capstan.command.Messages;
import dev.capstan.command.Outbox;
import dev.capstan.github.GitHubApp;
import dev.capstan.http.OutboundHttp;
import dev.capstan.jobs.Jobs;
import dev.capstan.security.SecretMask;
import dev.capstan.slack.SlackWebApi;
import dev.capstan.store.GitHubIdentities;
import dev.capstan.store.PeopleStore;
import dev.capstan.webhooks.WebhookSubscriptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Everything the platform hands its families, built before any family registers; nothing here has started yet. */
public record PlatformServices(
        Commands commands,
        AccessPolicy access,
        Confirmations confirmations,
        Interactions interactions,
        EventSubscriptions events,
        WebhookSubscriptions webhooks,
        Jobs jobs,
        Outbox outbox,
        Messages messages,
        OutboundHttp http,
        SlackWebApi slack,
        PeopleStore people,
        GitHubIdentities identities,
        Optional<GitHubApp> github,
        Jdbi jdbi,
        Clock clock,
        MeterRegistry metrics,
        Map<String, JsonNode> familySettings,
        Map<String, String> environment,
        AuditLog audit,
        SecretMask secrets,
        HomeSections home,
        CommandRunner runner) {
}
