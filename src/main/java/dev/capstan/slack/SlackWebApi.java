package dev.capstan.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.capstan.command.KnownFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls the Slack Web API with the bot token, waiting out 429 Retry-After (the SDK's sync client does not). */
public final class SlackWebApi {
    private static final Logger log = LoggerFactory.getLogger(SlackWebApi.class);
    private static final int MAX_WAITS = 3;
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    /** One Web API method call. */
    @FunctionalInterface
    public interface Call<T extends SlackApiTextResponse> {
        T call(MethodsClient methods) throws IOException, SlackApiException;
    }

    private final MethodsClient methods;
    private volatile String botUserId;

    public SlackWebApi(MethodsClient methods) {
        this.methods = methods;
    }

    /**
     * Capstan's own user id in the workspace, so that events about the bot itself (its own channel join) can be told
     * apart: asked of {@code auth.test} once, and again the next time when Slack did not answer; empty until it does.
     */
    public Optional<String> botUserId() {
        String known = botUserId;
        if (known != null) return Optional.of(known);
        try {
            String asked = call("auth.test", m -> m.authTest(r -> r)).getUserId();
            botUserId = asked;
            return Optional.ofNullable(asked);
        } catch (IOException | SlackApiException e) {
            log.warn("Slack did not say who Capstan is (auth.test): {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Runs the call; on 429 sleeps for Retry-After and tries again, a few times at most. Not-ok answers throw. */
    public <T extends SlackApiTextResponse> T call(String method, Call<T> call) throws IOException, SlackApiException {
        for (int attempt = 0; ; attempt++) {
            try {
                T response = call.call(methods);
                if (!response.isOk()) throw new SlackCallFailed(method, response.getError());
                return response;
            } catch (SlackApiException e) {
                if (e.getResponse().code() != 429 || attempt >= MAX_WAITS) throw e;
                Duration wait = retryAfter(e.getResponse().header("Retry-After"));
                log.info("Slack rate-limited {}; retrying in {} s", method, wait.toSeconds());
                sleep(wait);
            }
        }
    }

    static Duration retryAfter(String header) {
        try {
            long seconds = Long.parseLong(header == null ? "1" : header.trim());
            Duration wait = Duration.ofSeconds(Math.max(1, seconds));
            return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private static void sleep(Duration wait) throws IOException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for Slack's rate limit", e);
        }
    }

    /**
     * Slack answered ok=false; {@link #error()} is Slack's code ("missing_scope", "expired_trigger_id", …). Codes that
     * no retry can fix are permanent: a job stops at once and says so instead of retrying.
     */
    public static final class SlackCallFailed extends IOException implements KnownFailure {
        /** Slack's codes that mean "this will never work as asked"; others (ratelimited, internal_error, …) may pass. */
        static final Set<String> PERMANENT = Set.of("cannot_dm_bot", "user_not_found", "users_not_found", "channel_not_found",
                "not_in_channel", "is_archived", "invalid_auth", "not_authed", "account_inactive", "token_revoked",
                "token_expired", "no_permission", "missing_scope", "not_allowed_token_type", "msg_too_long", "no_text",
                "invalid_blocks", "invalid_blocks_format", "too_many_attachments", "message_not_found", "cant_update_message",
                "edit_window_closed", "restricted_action", "user_is_bot", "user_disabled", "invalid_arguments",
                "invalid_trigger_id", "expired_trigger_id", "exchanged_trigger_id", "view_too_large", "not_found",
                "method_deprecated", "team_access_not_granted", "ekm_access_denied");
        private final String method;
        private final String error;

        public SlackCallFailed(String method, String error) {
            super("Slack refused " + method + ": " + error);
            this.method = method;
            this.error = error;
        }

        public String method() {
            return method;
        }

        public String error() {
            return error;
        }

        @Override
        public boolean permanent() {
            return error != null && PERMANENT.contains(error);
        }
    }
}
