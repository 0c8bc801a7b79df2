package dev.capstan.features.playground;

import static dev.capstan.features.playground.Workspace.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.http.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/** The Slack Web API as Capstan sees it in the playground: records every call and answers the way Slack does. */
final class FakeWebApi {
    private static final Set<String> JSON_ARGS = Set.of("blocks", "view", "attachments", "files");

    private final Workspace workspace;
    private final FakeFileUploads files;

    /** {@code baseUrl} is where the playground listens; file uploads are sent back to it. */
    FakeWebApi(Workspace workspace, String baseUrl) {
        this.workspace = workspace;
        this.files = new FakeFileUploads(workspace, baseUrl + "/playground/upload/");
    }

    /** Serves {@code POST /playground/upload/{id}}, the upload URL files.getUploadURLExternal hands out. */
    HttpExchange.Response upload(HttpExchange.Request request) {
        return files.receive(request);
    }

    /** Serves {@code POST /playground/api/{method}}; form-encoded or JSON arguments, like Slack accepts. */
    HttpExchange.Response handle(HttpExchange.Request request) throws Exception {
        String path = request.path().contains("?") ? request.path().substring(0, request.path().indexOf('?')) : request.path();
        String method = path.substring(path.lastIndexOf('/') + 1);
        ObjectNode args = arguments(request);
        workspace.record(method, args);
        return HttpExchange.Response.json(JSON.writeValueAsString(answer(method, args)));
    }

    private ObjectNode answer(String method, ObjectNode args) {
        return switch (method) {
            case "auth.test" -> ok().put("url", "http://localhost/").put("team", "Playground").put("user", "capstan")
                    .put("team_id", "TPLAYGRND").put("user_id", Workspace.BOT_ID).put("bot_id", "BCAPSTAN0");
            case "chat.postMessage" -> posted(workspace.post(text(args, "channel"), Workspace.BOT_ID, null,
                    text(args, "text"), args.get("blocks")));
            case "chat.postEphemeral" -> {
                Workspace.Message message = workspace.post(text(args, "channel"), Workspace.BOT_ID, text(args, "user"),
                        text(args, "text"), args.get("blocks"));
                yield ok().put("message_ts", message.ts());
            }
            case "chat.update" -> workspace.update(text(args, "channel"), text(args, "ts"), text(args, "text"), args.get("blocks"))
                    .map(m -> ok().put("channel", m.channel()).put("ts", m.ts()).put("text", m.text()))
                    .orElseGet(() -> error("message_not_found"));
            case "chat.delete" -> workspace.delete(text(args, "channel"), text(args, "ts"))
                    ? ok().put("channel", text(args, "channel")).put("ts", text(args, "ts")) : error("message_not_found");
            case "views.open", "views.push" -> openView(args, method.equals("views.push"));
            case "views.publish" -> view(args).filter(v -> workspace.person(text(args, "user_id")).isPresent())
                    .map(v -> (ObjectNode) ok().set("view", workspace.publishHome(text(args, "user_id"), v)))
                    .orElseGet(() -> error("invalid_arguments"));
            case "views.update" -> view(args).map(v -> workspace.updateModal(text(args, "view_id"), text(args, "external_id"),
                            text(args, "hash"), v)).map(u -> u.modal().map(this::viewAnswer).orElseGet(() -> error(u.error())))
                    .orElseGet(() -> error("invalid_arguments"));
            case "users.info" -> workspace.person(text(args, "user")).map(p -> ok().set("user", user(p)))
                    .map(ObjectNode.class::cast).orElseGet(() -> error("user_not_found"));
            case "users.lookupByEmail" -> workspace.people().stream()
                    .filter(p -> p.email().equalsIgnoreCase(String.valueOf(text(args, "email")))).findFirst()
                    .map(p -> (ObjectNode) ok().set("user", user(p))).orElseGet(() -> error("users_not_found"));
            case "users.list" -> {
                ObjectNode answer = ok();
                workspace.people().forEach(p -> answer.withArray("members").add(user(p)));
                yield answer;
            }
            case "conversations.open" -> {
                ObjectNode answer = ok();
                answer.putObject("channel").put("id", Workspace.channelFor(text(args, "users").split(",")[0]));
                yield answer;
            }
            case "conversations.info" -> workspace.channels().stream().filter(c -> c.id().equals(text(args, "channel")))
                    .findFirst().map(c -> (ObjectNode) ok().set("channel", channel(c))).orElseGet(() -> error("channel_not_found"));
            case "conversations.list" -> {
                ObjectNode answer = ok();
                workspace.channels().forEach(c -> answer.withArray("channels").add(channel(c)));
                yield answer;
            }
            case "users.conversations" -> {
                ObjectNode answer = ok();
                answer.putArray("channels");
                workspace.channelsOf(text(args, "user")).forEach(c -> answer.withArray("channels").add(channel(c)));
                yield answer;
            }
            case "conversations.members" -> {
                ObjectNode answer = ok();
                workspace.people().forEach(p -> answer.withArray("members").add(p.id()));
                yield answer;
            }
            case "files.getUploadURLExternal" -> files.uploadUrl(args);
            case "files.completeUploadExternal" -> files.complete(args);
            default -> error("unknown_method");
        };
    }

    private ObjectNode openView(ObjectNode args, boolean push) {
        Optional<String> user = workspace.useTrigger(text(args, "trigger_id"));
        if (user.isEmpty()) return error("expired_trigger_id");
        return view(args).map(v -> viewAnswer(workspace.openModal(user.get(), v, push))).orElseGet(() -> error("invalid_arguments"));
    }

    private ObjectNode viewAnswer(Workspace.Modal modal) {
        ObjectNode answer = ok();
        answer.set("view", modal.view());
        return answer;
    }

    private static Optional<ObjectNode> view(ObjectNode args) {
        JsonNode view = args.get("view");
        return view instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
    }

    private static ObjectNode posted(Workspace.Message message) {
        ObjectNode answer = ok().put("channel", message.channel()).put("ts", message.ts());
        answer.putObject("message").put("text", message.text()).put("ts", message.ts()).put("user", Workspace.BOT_ID)
                .put("bot_id", "BCAPSTAN0");
        return answer;
    }

    private static ObjectNode user(Workspace.Person person) {
        ObjectNode user = JSON.createObjectNode().put("id", person.id()).put("name", person.handle())
                .put("real_name", person.name()).put("is_admin", person.role().equals("admin")).put("deleted", false)
                .put("is_bot", false).put("tz", "Europe/Stockholm");
        user.putObject("profile").put("real_name", person.name()).put("display_name", person.name()).put("email", person.email());
        return user;
    }

    private static ObjectNode channel(Workspace.Channel channel) {
        return JSON.createObjectNode().put("id", channel.id()).put("name", channel.name()).put("is_channel", true)
                .put("is_member", true);
    }

    private static ObjectNode arguments(HttpExchange.Request request) throws Exception {
        String body = request.body() == null ? "" : request.body();
        if (body.trim().startsWith("{")) return (ObjectNode) JSON.readTree(body);
        ObjectNode args = JSON.createObjectNode();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (key.equals("token")) continue;
            if (JSON_ARGS.contains(key) && (value.startsWith("{") || value.startsWith("["))) args.set(key, JSON.readTree(value));
            else args.put(key, value);
        }
        return args;
    }

    private static String text(JsonNode args, String name) {
        JsonNode node = args.get(name);
        return node == null || node.isNull() ? null : node.asText();
    }

    static ObjectNode ok() {
        return JSON.createObjectNode().put("ok", true);
    }

    static ObjectNode error(String code) {
        return JSON.createObjectNode().put("ok", false).put("error", code);
    }
}
