package dev.capstan.features.timereport;

import dev.capstan.slack.SlackWebApi;

/** Slack's error code ("missing_scope", "expired_trigger_id", …) of a refused Web API call, for replies that name it. */
final class SlackErrorCode {
    private SlackErrorCode() {
    }

    /** SlackCallFailed carries the code only at the end of its message ("method failed: code"). */
    static String of(SlackWebApi.SlackCallFailed failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        int colon = message.lastIndexOf(": ");
        return colon < 0 ? message : message.substring(colon + 2).trim();
    }
}
