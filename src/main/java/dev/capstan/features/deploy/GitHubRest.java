package dev.capstan.features.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.command.TransientFailure;
import dev.capstan.command.UserError;
import dev.capstan.github.GitHubApp;
import dev.capstan.http.HttpAnswer;
import dev.capstan.http.HttpCall;
import java.io.IOException;
import java.util.Optional;

/**
 * Raw REST calls to GitHub as the App's installation, through the platform's outbound client. Deployments, their
 * statuses and workflow dispatches go this way because hub4j 1.330 sends {@code in-progress} for
 * {@code GHDeploymentState.IN_PROGRESS} (its enum-to-text turns '_' into '-') and cannot read a 202 answer.
 */
final class GitHubRest {
    static final ObjectMapper JSON = new ObjectMapper();
    private final Optional<GitHubApp> app;

    GitHubRest(Optional<GitHubApp> app) {
        this.app = app;
    }

    boolean configured() {
        return app.isPresent();
    }

    /** Sends {@code method path} with an optional JSON body; any status is returned, 429 and 5xx throw to retry the job. */
    HttpAnswer send(String method, String path, Object body) {
        GitHubApp github = app.orElseThrow(() -> new UserError(":warning: GitHub is not configured on this Capstan, so deployments "
                + "cannot be created. An admin can set GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY and GITHUB_ORG."));
        HttpAnswer answer;
        try {
            HttpCall call = HttpCall.of(method, github.apiUrl().replaceAll("/+$", "") + path)
                    .header("Authorization", github.authorization())
                    .header("Accept", "application/vnd.github+json")
                    .header("X-GitHub-Api-Version", "2022-11-28");
            if (body != null) call = call.json(JSON.writeValueAsString(body));
            answer = github.http().send(call);
        } catch (IOException e) {
            throw new TransientFailure("GitHub did not answer (" + e.getMessage() + ")", e);
        }
        if (answer.status() == 429 || answer.status() >= 500) {
            throw new TransientFailure("GitHub answered " + answer.status() + " to " + method + " " + path, null);
        }
        return answer;
    }

    /** GitHub's own "message" of an error answer. */
    static String message(HttpAnswer answer) {
        String message = answer.json().path("message").asText("");
        return message.isBlank() ? "HTTP " + answer.status() : message;
    }
}
