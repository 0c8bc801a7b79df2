package dev.capstan.app;

import dev.capstan.github.GitHubApp;
import dev.capstan.github.GitHubAppSettings;
import dev.capstan.http.HostAllowList;
import dev.capstan.http.HttpPolicy;
import dev.capstan.http.OutboundHttp;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** The organisation's GitHub App, shared by every family, calling only the configured API host through the outbound client. */
final class GitHubClient {
    private GitHubClient() {
    }

    static Optional<GitHubApp> from(Map<String, String> environment, OutboundHttp outbound) {
        return GitHubAppSettings.from(name -> {
            String value = environment.get(name);
            return value == null || value.isBlank() ? null : value.trim();
        }).map(settings -> new GitHubApp(settings, outbound.client("github",
                HttpPolicy.standard(HostAllowList.of(URI.create(settings.apiUrl()).getHost())).withAttempts(2))));
    }
}
