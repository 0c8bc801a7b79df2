package dev.capstan.features.playground;

import static dev.capstan.features.playground.Workspace.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.http.HttpExchange;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Slack's three-step file upload (api.slack.com/messaging/files#uploading_files), what Bolt's filesUploadV2 does:
 * files.getUploadURLExternal, a POST of the bytes to that URL, then files.completeUploadExternal shares it.
 */
final class FakeFileUploads {
    private static final int PREVIEW_LINES = 10;
    private static final Pattern TEXT_FILE = Pattern.compile("(?i).+\\.(csv|tsv|txt|md|json|ya?ml|log)");

    /** One file: announced by getUploadURLExternal, its content set by the upload POST. */
    private record Upload(String id, String filename, String content) {
        Upload withContent(String newContent) {
            return new Upload(id, filename, newContent);
        }
    }

    private final Workspace workspace;
    private final String uploadBaseUrl;
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();

    /** {@code uploadBaseUrl} is where the upload POSTs go, e.g. {@code http://127.0.0.1:3000/playground/upload/}. */
    FakeFileUploads(Workspace workspace, String uploadBaseUrl) {
        this.workspace = workspace;
        this.uploadBaseUrl = uploadBaseUrl;
    }

    ObjectNode uploadUrl(JsonNode args) {
        String filename = args.path("filename").asText("");
        if (filename.isBlank() || args.path("length").asText("").isBlank()) return FakeWebApi.error("invalid_arguments");
        String id = "F" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        uploads.put(id, new Upload(id, filename, null));
        return FakeWebApi.ok().put("upload_url", uploadBaseUrl + id).put("file_id", id);
    }

    /** Serves the upload URL: Slack answers 200 with "OK - {length}". */
    HttpExchange.Response receive(HttpExchange.Request request) {
        String id = request.path().substring(request.path().lastIndexOf('/') + 1);
        String content = request.body() == null ? "" : request.body();
        Upload upload = uploads.computeIfPresent(id, (key, known) -> known.withContent(content));
        if (upload == null) return new HttpExchange.Response(404, "text/plain", "no such upload");
        workspace.record("upload", JSON.createObjectNode().put("file_id", id).put("bytes", content.length()));
        return new HttpExchange.Response(200, "text/plain", "OK - " + content.length());
    }

    /** Shares the uploaded files in channel_id, as a message per file with its name and a preview of its text. */
    ObjectNode complete(JsonNode args) {
        JsonNode files = args.path("files");
        if (!files.isArray() || files.isEmpty()) return FakeWebApi.error("invalid_arguments");
        ObjectNode answer = FakeWebApi.ok();
        ArrayNode shared = answer.putArray("files");
        for (JsonNode file : files) {
            Optional<Upload> upload = Optional.ofNullable(uploads.get(file.path("id").asText()));
            if (upload.isEmpty() || upload.get().content() == null) return FakeWebApi.error("file_not_found");
            String title = file.path("title").asText(upload.get().filename());
            String channel = args.path("channel_id").asText(null);
            if (channel != null) {
                String comment = args.path("initial_comment").asText("");
                workspace.post(channel, Workspace.BOT_ID, null, (comment.isBlank() ? "" : comment + "\n")
                        + shown(title, upload.get()), null);
            }
            shared.addObject().put("id", upload.get().id()).put("name", upload.get().filename()).put("title", title)
                    .put("size", upload.get().content().length());
        }
        return answer;
    }

    private static String shown(String title, Upload upload) {
        String name = ":page_facing_up: *" + title + "* (`" + upload.filename() + "`)";
        if (!TEXT_FILE.matcher(upload.filename()).matches()) return name;
        String[] lines = upload.content().replaceFirst("\r?\n$", "").split("\r?\n", -1);
        String preview = Arrays.stream(lines).limit(PREVIEW_LINES).collect(Collectors.joining("\n"));
        String more = lines.length > PREVIEW_LINES ? "\n… " + (lines.length - PREVIEW_LINES) + " more lines" : "";
        return name + "\n```" + preview + "```" + more;
    }
}
