package dev.capstan.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.command.TransientFailure;
import dev.capstan.command.UserError;
import java.io.FileNotFoundException;
import java.io.IOException;
import org.kohsuke.github.HttpException;

/** Turns a failed GitHub call into what the caller should read: GitHub's own message, never a stack trace. */
public final class GitHubFailures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GitHubFailures() {
    }

    /** 4xx: a {@link UserError} quoting GitHub; 5xx or no answer: a {@link TransientFailure} so the job is retried. */
    public static RuntimeException explain(String doing, IOException failure) {
        if (failure instanceof FileNotFoundException && !(failure instanceof HttpException)) {
            HttpException cause = failure.getCause() instanceof HttpException http ? http : null;
            return new UserError(":x: GitHub refused to " + doing + " (HTTP 404): "
                    + (cause == null ? "Not Found" : gitHubMessage(cause)) + ". Nothing was changed.");
        }
        if (failure instanceof HttpException http && http.getResponseCode() >= 400 && http.getResponseCode() < 500) {
            return new UserError(":x: GitHub refused to " + doing + " (HTTP " + http.getResponseCode() + "): "
                    + gitHubMessage(http) + ". Nothing was changed.");
        }
        String status = failure instanceof HttpException http && http.getResponseCode() > 0
                ? "HTTP " + http.getResponseCode() + ": " + gitHubMessage(http) : "GitHub did not answer";
        return new TransientFailure("could not " + doing + " (" + status + ")", failure);
    }

    /** The "message" (and first error) of GitHub's JSON error body, or the bare status text. */
    static String gitHubMessage(HttpException http) {
        String text = http.getMessage() == null ? "" : http.getMessage();
        int start = text.indexOf('{');
        if (start >= 0) {
            try {
                JsonNode body = JSON.readTree(text.substring(start));
                String message = body.path("message").asText("");
                JsonNode first = body.path("errors").path(0);
                String detail = first.isObject() ? first.path("message").asText(first.path("code").asText(""))
                        : first.asText("");
                if (!message.isEmpty()) return detail.isEmpty() ? message : message + " (" + detail + ")";
            } catch (IOException ignored) {
                // not JSON after all: fall through to the status text
            }
        }
        return http.getResponseMessage() == null || http.getResponseMessage().isBlank()
                ? "no details given" : http.getResponseMessage();
    }
}
