package dev.capstan.features.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.github.GitHubApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.kohsuke.github.HttpException;

/** The few organisation REST calls hub4j 1.330 does not wrap, sent with the App's installation token. */
final class RawGitHub {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final GitHubApp app;

    RawGitHub(GitHubApp app) {
        this.app = app;
    }

    /** GitHub's answer: its status and JSON body (a 404 is an answer here, not a failure). */
    record Answer(int status, JsonNode body) { }

    /** Sends one call under /orgs/{org}; any status from 400 up other than 404 is thrown as GitHub's error. */
    Answer send(String method, String orgPath, Map<String, Object> body) throws IOException {
        String url = app.apiUrl().replaceAll("/+$", "") + "/orgs/" + app.organization() + orgPath;
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", app.authorization())
                .header("Accept", "application/vnd.github+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400 && response.statusCode() != 404) {
                throw new HttpException(response.body(), response.statusCode(), "", url);
            }
            String text = response.body() == null || response.body().isBlank() ? "{}" : response.body();
            return new Answer(response.statusCode(), JSON.readTree(text));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
