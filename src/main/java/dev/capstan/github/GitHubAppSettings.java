package dev.capstan.github;

import java.util.Optional;
import java.util.function.Function;

/** How to reach the organisation as a GitHub App; present only when the id, key and organisation are all set. */
public record GitHubAppSettings(String appId, String privateKeyPem, String organization, String apiUrl) {
    public static final String DEFAULT_API_URL = "https://api.github.com";

    /** Reads GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY, GITHUB_ORG and GITHUB_API_URL; empty when any required one is missing. */
    public static Optional<GitHubAppSettings> from(Function<String, String> env) {
        String appId = env.apply("GITHUB_APP_ID");
        String key = env.apply("GITHUB_APP_PRIVATE_KEY");
        String org = env.apply("GITHUB_ORG");
        if (appId == null || key == null || org == null) return Optional.empty();
        String url = env.apply("GITHUB_API_URL");
        return Optional.of(new GitHubAppSettings(appId, key, org, url == null ? DEFAULT_API_URL : url));
    }

    @Override
    public String toString() {
        return "GitHubAppSettings[appId=" + appId + ", organization=" + organization + ", apiUrl=" + apiUrl + "]";
    }
}
