package dev.capstan.features.timereport;

import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import java.util.Objects;
import java.util.stream.Stream;

/** Says why Slack refused an export's file upload, naming what the person (or a workspace admin) can do about it. */
final class UploadRefusal {
    private UploadRefusal() {
    }

    static String explain(String error) {
        return switch (error) {
            case "missing_scope", "not_allowed_token_type", "no_permission" -> "Slack refused the file (" + error
                    + "): the app may not upload files. A workspace admin must give it the `" + ExportTime.SCOPE
                    + "` scope (reinstall it with the current app manifest).";
            case "not_in_channel", "channel_not_found", "not_authed_for_channel" -> "Slack refused the file (" + error
                    + "): the bot is not in this conversation. Invite it here, or run the export in a direct message with it.";
            default -> "Slack refused the file (" + error + "). Please try again, or ask a workspace admin to check the app.";
        };
    }

    /** The error code of whichever step of Bolt's files.uploadV2 (get URL, upload, complete) Slack refused. */
    static String errorCode(SlackFilesUploadV2Exception failure) {
        Stream<SlackApiTextResponse> steps = Stream.concat(failure.getGetURLResponses().stream(),
                Stream.ofNullable(failure.getCompleteResponse()));
        return steps.filter(Objects::nonNull).filter(r -> !r.isOk()).map(SlackApiTextResponse::getError)
                .filter(Objects::nonNull).findFirst().orElse("upload_failed");
    }
}
