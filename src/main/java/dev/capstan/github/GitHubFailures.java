package dev.capstan.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.command.TransientFailure;
import dev.capstan.command.UserError;
import java.io.FileNotFoundException;
import java.io.IOException;
import org.kohsuke.github.HttpException;

/**
 * Turns a failed GitHub call into what the caller should read (GitHub's own message, never a stack trace) and classes
 * it once for every family: a refusal no retry can change is permanent ({@link UserError}: the job stops at once and
 * says so); a 5xx, a timeout, no answer or a rate limit is transient ({@link TransientFailure}: the job retries).
 */
public final class GitHubFailures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GitHubFailures() {
    }

    /** 4xx: a {@link UserError} quoting GitHub; 5xx, no answer or a rate limit: a {@link TransientFailure} so the job is retried. */
    public static RuntimeException explain(String doing, IOException failure) {
        if (failure instanceof HttpException http && transientStatus(http.getResponseCode(), http.getMessage())) {
            return new TransientFailure("could not " + doing + " (HTTP " + http.getResponseCode() + ": " + gitHubMessage(http) + ")", failure);
        }
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

    /**
     * Whether GitHub's answer may change by itself: 5xx, 408 (timeout), 429, and the 403 GitHub gives for an exhausted or
     * secondary rate limit ("API rate limit exceeded", "You have exceeded a secondary rate limit"). Anything else in 4xx
     * stays refused however often it is asked. No status (0 or less) means no answer came.
     */
    public static boolean transientStatus(int status, String body) {
        if (status <= 0 || status >= 500 || status == 408 || status == 429) return true;
        return status == 403 && body != null && body.toLowerCase(java.util.Locale.ROOT).contains("rate limit");
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
