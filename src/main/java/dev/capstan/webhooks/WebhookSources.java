package dev.capstan.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The sources Capstan accepts webhooks from: those with a secret configured. A source without one does not exist (404). */
public final class WebhookSources {
    private final Map<String, WebhookSource> sources = new LinkedHashMap<>();

    /** GitHub when {@code githubSecret} is set, CircleCI when {@code circleCiSecret} is, and each named hook with its secret. */
    public WebhookSources(String githubSecret, String circleCiSecret, Map<String, String> hookSecrets) {
        if (githubSecret != null) add(new GitHubSource(githubSecret));
        if (circleCiSecret != null) add(new CircleCiSource(circleCiSecret));
        hookSecrets.forEach((name, secret) -> {
            if (secret != null) add(new SignedHookSource(name, secret));
        });
    }

    private void add(WebhookSource source) {
        sources.put(source.name(), source);
    }

    public Optional<WebhookSource> find(String name) {
        return Optional.ofNullable(sources.get(name));
    }

    /** A source of {@code POST /hooks/{source}}: only the ones signed Capstan's way. */
    public Optional<WebhookSource> hook(String name) {
        return find(name).filter(SignedHookSource.class::isInstance);
    }
}
