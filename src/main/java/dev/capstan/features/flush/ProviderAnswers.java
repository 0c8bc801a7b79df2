package dev.capstan.features.flush;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.command.PermanentFailure;
import dev.capstan.command.TransientFailure;
import dev.capstan.http.HttpAnswer;
import java.time.Duration;

/** What the adapters share when reading a CDN's answer: server errors, Retry-After, the first useful text of a body. */
final class ProviderAnswers {
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

    private ProviderAnswers() {
    }

    /** A 5xx is the CDN's trouble, not the request's: the job tries again later. */
    static void retryOnServerError(HttpAnswer answer, Cdn cdn) {
        if (answer.status() >= 500) {
            throw new TransientFailure(cdn.label() + " answered " + answer.status() + answer.excerpt(), null);
        }
    }

    /** Retry-After in seconds, at least {@code least}, at most five minutes. */
    static Duration retryAfter(HttpAnswer answer, Duration least) {
        Duration wait = least;
        String header = answer.header("Retry-After");
        if (header != null) {
            try {
                Duration asked = Duration.ofSeconds(Long.parseLong(header.trim()));
                if (asked.compareTo(wait) > 0) wait = asked;
            } catch (NumberFormatException e) {
                // an HTTP date or garbage: the least wait stands
            }
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** The first of these fields that has text, or null. */
    static String text(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.path(field);
            if (value.isValueNode() && !value.asText().isBlank()) return value.asText();
        }
        return null;
    }

    /** The value, or a permanent failure naming the variable that should hold it. */
    static String required(String value, String variable, Cdn cdn) {
        if (value == null || value.isBlank()) {
            throw new PermanentFailure(variable + " is not set, so nothing can be sent to " + cdn.label());
        }
        return value;
    }

    /** The site's api_url, else the CDN's own address. */
    static String base(Site site, String standard) {
        return site.settings().apiUrl() != null ? site.settings().apiBase() : standard;
    }
}
