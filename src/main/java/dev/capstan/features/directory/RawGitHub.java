package dev.capstan.features.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.github.GitHubApp;
import dev.capstan.http.HttpAnswer;
import dev.capstan.http.HttpCall;
import java.io.IOException;
import java.util.Map;
import org.kohsuke.github.HttpException;

/** The few REST calls hub4j 1.330 does not wrap, sent with the App's installation token. */
final class RawGitHub {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final GitHubApp app;

    RawGitHub(GitHubApp app) {
        this.app = app;
    }

    /** GitHub's answer: its status and JSON body (a 404 is an answer here, not a failure). */
    record Answer(int status, JsonNode body) { }

    /** Sends one call under /orgs/{org}; any status from 400 up other than 404 is thrown as GitHub's error. */
    Answer send(String method, String orgPath, Map<String, Object> body) throws IOException {
        return sendApi(method, "/orgs/" + app.organization() + orgPath, body);
    }

    /** Sends one call to any path of the API (e.g. /repos/{owner}/{repo}); statuses as for {@link #send}. */
    Answer sendApi(String method, String path, Map<String, Object> body) throws IOException {
        String url = app.apiUrl().replaceAll("/+$", "") + path;
        HttpCall call = HttpCall.of(method, url).header("Authorization", app.authorization())
                .header("Accept", "application/vnd.github+json");
        if (body != null) call = call.json(JSON.writeValueAsString(body));
        HttpAnswer response;
        try {
            response = app.http().send(call);
        } catch (RuntimeException noAnswer) {
            throw new IOException(noAnswer.getMessage(), noAnswer);
        }
        if (response.status() >= 400 && response.status() != 404) {
            throw new HttpException(response.body(), response.status(), "", url);
        }
        String text = response.body().isBlank() ? "{}" : response.body();
        return new Answer(response.status(), JSON.readTree(text));
    }
}
