package dev.capstan.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A local stand-in for Slack: the Web API (records every call, answers like Slack) and response_url hooks
 * (records every post). Failures can be scripted, e.g. a 429 with Retry-After.
 */
public final class FakeSlack implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UPLOAD_HOOK = "/hooks/upload-";
    /** The bot's own user id, as auth.test answers it. */
    public static final String BOT_USER_ID = "UBOT";
    /** The workspace's people by e-mail address (lower case), for users.lookupByEmail. */
    private final Map<String, String> emails = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<String>> channelsOf = new java.util.concurrent.ConcurrentHashMap<>();

    /** One recorded Web API call: the method and its arguments. */
    public record ApiCall(String method, Map<String, String> args) {
        public String arg(String name) {
            return args.get(name);
        }
    }

    /** One recorded post to a response_url. */
    public record HookPost(String hook, JsonNode body) {
        public String text() {
            return body.path("text").asText();
        }

        public String allText() {
            return Texts.allText(body);
        }
    }

    /** The bytes a files.uploadV2 client sent to an upload_url that files.getUploadURLExternal handed out. */
    public record FileUpload(String hook, String body) { }

    /** A scripted answer for the next calls to a method or hook. */
    public record Scripted(int status, Map<String, String> headers, String body) { }

    private final HttpServer server;
    private final List<ApiCall> calls = new CopyOnWriteArrayList<>();
    private final List<HookPost> posts = new CopyOnWriteArrayList<>();
    private final List<FileUpload> uploads = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Scripted>> scripted = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger hookIds = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean expireNext = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.Set<String> expiredHooks = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicInteger ts = new AtomicInteger(1000);
    private final List<java.util.function.Consumer<ApiCall>> listeners = new CopyOnWriteArrayList<>();
    private volatile Runnable beforeAcceptingPost = () -> { };
    private final java.util.concurrent.atomic.AtomicReference<Runnable> failNextPost = new java.util.concurrent.atomic.AtomicReference<>();
    private volatile Duration hookDelay = Duration.ZERO;
    private final Map<String, java.time.Instant> answered = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, java.time.Instant> received = new java.util.concurrent.ConcurrentHashMap<>();
    /** The modals Slack shows, by view id: each view's JSON with its id and hash (a new hash each time the view changes). */
    private final Map<String, com.fasterxml.jackson.databind.node.ObjectNode> modals = new java.util.concurrent.ConcurrentHashMap<>();

    public FakeSlack() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/", this::api);
        server.createContext("/hooks/", this::hook);
        server.setExecutor(Executors.newFixedThreadPool(64));
        server.start();
    }

    /** Someone in the workspace with this e-mail address, for users.lookupByEmail. */
    public FakeSlack person(String email, String userId) {
        emails.put(email.toLowerCase(), userId);
        return this;
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** A fresh response_url, as Slack gives one per slash command or click. */
    public String newResponseUrl() {
        String hook = "/hooks/" + hookIds.incrementAndGet();
        if (expireNext.compareAndSet(true, false)) expiredHooks.add(hook);
        return "http://127.0.0.1:" + server.getAddress().getPort() + hook;
    }

    /** The next response_url handed out answers every post like an expired one (404 expired_url). */
    public void expireNextResponseUrl() {
        expireNext.set(true);
    }

    /** Runs {@code action} on each response_url post just before Slack would accept it (while the sender waits for the answer). */
    public void beforeAcceptingPost(Runnable action) {
        this.beforeAcceptingPost = action;
    }

    /**
     * The next response_url post is answered 500 (Slack did not take it) once {@code meanwhile} ran, while the sender
     * waits for the answer.
     */
    public void failNextPost(Runnable meanwhile) {
        failNextPost.set(meanwhile);
    }

    /** Answers every response_url post only after {@code delay}: a slow Slack, so that deliveries are really in flight. */
    public void slowDown(Duration delay) {
        this.hookDelay = delay;
    }

    /**
     * The response_urls whose first post arrived by {@code until} and was not answered before {@code from}: what was with
     * Slack, or had just been answered, around a moment a sender was killed.
     */
    public java.util.Set<String> inFlightBetween(java.time.Instant from, java.time.Instant until) {
        return received.entrySet().stream().filter(e -> !e.getValue().isAfter(until))
                .filter(e -> answered.get(e.getKey()) == null || !answered.get(e.getKey()).isBefore(from))
                .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
    }

    /** The next call to {@code methodOrHook} (a Web API method, or a hook path like "/hooks/3") gets this answer. */
    public void scriptNext(String methodOrHook, Scripted answer) {
        scripted.computeIfAbsent(methodOrHook, k -> new ConcurrentLinkedDeque<>()).add(answer);
    }

    /** The next {@code method} call for this channel (a DM's user id, say) gets this answer; other channels are unaffected. */
    public void scriptNextFor(String method, String channel, Scripted answer) {
        scriptNext(method + ":" + channel, answer);
    }

    /** Hears every Web API call as it arrives (a benchmark timing chat.update, say). */
    public void onCall(java.util.function.Consumer<ApiCall> listener) {
        listeners.add(listener);
    }

    public List<ApiCall> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** What reached the upload URLs, oldest first. */
    public List<FileUpload> uploads() {
        return List.copyOf(uploads);
    }

    public List<ApiCall> allCalls() {
        return List.copyOf(calls);
    }

    public List<HookPost> posts(String responseUrl) {
        String hook = responseUrl.substring(responseUrl.indexOf("/hooks/"));
        return posts.stream().filter(p -> p.hook().equals(hook)).toList();
    }

    /** Waits until {@code count} posts reached the response_url, then returns them. */
    public List<HookPost> awaitPosts(String responseUrl, int count) {
        return awaitPosts(responseUrl, count, Duration.ofSeconds(15));
    }

    public List<HookPost> awaitPosts(String responseUrl, int count, Duration timeout) {
        return Await.until(() -> posts(responseUrl), list -> list.size() >= count, timeout,
                "at least " + count + " posts to " + responseUrl);
    }

    /** Waits until {@code count} chat.postMessage calls match, then returns them. */
    public List<ApiCall> awaitMessages(Predicate<ApiCall> which, int count) {
        return Await.until(() -> calls("chat.postMessage").stream().filter(which).toList(), list -> list.size() >= count,
                Duration.ofSeconds(15), "at least " + count + " matching chat.postMessage calls");
    }

    /** The Home tabs published for this person (views.publish), oldest first, each the view as Slack's JSON. */
    public List<JsonNode> homes(String userId) {
        return calls("views.publish").stream().filter(c -> userId.equals(c.arg("user_id"))).map(c -> {
            try {
                return JSON.readTree(c.arg("view"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Slack's answer to users.conversations for this person from now on: these channels (none until said). */
    public void memberOf(String userId, String... channels) {
        channelsOf.put(userId, List.of(channels));
    }

    /** Waits until {@code count} Home tabs were published for this person, then returns the last one. */
    public JsonNode awaitHome(String userId, int count) {
        List<JsonNode> homes = Await.until(() -> homes(userId), list -> list.size() >= count, Duration.ofSeconds(15),
                "at least " + count + " Home tabs published for " + userId);
        return homes.get(homes.size() - 1);
    }

    public List<ApiCall> awaitDms(String userId, int count) {
        return awaitMessages(c -> userId.equals(c.arg("channel")), count);
    }

    /** The modal with this view id as Slack shows it now (its JSON, with its id and hash), if Slack has it open. */
    public java.util.Optional<JsonNode> modal(String viewId) {
        return java.util.Optional.ofNullable(modals.get(viewId));
    }

    /**
     * What Slack does with a view_submission's ack when it reaches Slack: {@code response_action: update} replaces the
     * submitted view (which gets a new hash), {@code errors} keeps it, anything else closes it.
     */
    public void applyAck(String viewId, SlashReply ack) {
        JsonNode answer = ack.body().isBlank() ? JSON.createObjectNode() : ack.json();
        switch (answer.path("response_action").asText("")) {
            case "update" -> show(viewId, answer.path("view").toString());
            case "errors" -> { }
            default -> modals.remove(viewId);
        }
    }

    /** views.open/push give a new id; views.update keeps the id and is refused when its hash is not the view's current one. */
    private synchronized String view(String method, Map<String, String> args) {
        String viewId = method.equals("views.update") && args.get("view_id") != null ? args.get("view_id") : "V" + ts.incrementAndGet();
        JsonNode shown = modals.get(viewId);
        String hash = args.get("hash");
        if (shown != null && hash != null && !hash.isEmpty() && !hash.equals(shown.path("hash").asText())) {
            return "{\"ok\":false,\"error\":\"hash_conflict\"}";
        }
        return "{\"ok\":true,\"view\":" + show(viewId, args.getOrDefault("view", "{}")) + "}";
    }

    private synchronized JsonNode show(String viewId, String viewJson) {
        com.fasterxml.jackson.databind.node.ObjectNode view;
        try {
            view = JSON.readTree(viewJson) instanceof com.fasterxml.jackson.databind.node.ObjectNode object ? object : JSON.createObjectNode();
        } catch (IOException e) {
            view = JSON.createObjectNode();
        }
        view.put("id", viewId).put("type", view.path("type").asText("modal")).put("hash", "1700000000." + ts.incrementAndGet());
        modals.put(viewId, view);
        return view;
    }

    private void api(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        Map<String, String> args = parseArgs(exchange);
        ApiCall call = new ApiCall(method, args);
        calls.add(call);
        listeners.forEach(listener -> listener.accept(call));
        Scripted answer = nextScripted(method + ":" + args.get("channel"));
        if (answer == null) answer = nextScripted(method);
        if (answer != null) {
            respond(exchange, answer);
            return;
        }
        respond(exchange, new Scripted(200, Map.of(), answerFor(method, args)));
    }

    private void hook(HttpExchange exchange) throws IOException {
        String hook = exchange.getRequestURI().getPath();
        String body = read(exchange.getRequestBody());
        Scripted answer = expiredHooks.contains(hook) ? new Scripted(404, Map.of(), "expired_url") : nextScripted(hook);
        if (answer != null) {
            respond(exchange, answer);
            return;
        }
        if (hook.startsWith(UPLOAD_HOOK)) {
            uploads.add(new FileUpload(hook, body));
            respond(exchange, new Scripted(200, Map.of(), "OK - " + body.length()));
            return;
        }
        Runnable failing = failNextPost.getAndSet(null);
        if (failing != null) {
            failing.run();
            respond(exchange, new Scripted(500, Map.of(), "internal_error"));
            return;
        }
        beforeAcceptingPost.run();
        posts.add(new HookPost(hook, JSON.readTree(body)));
        received.putIfAbsent(hook, java.time.Instant.now());
        try {
            pause(hookDelay);
            respond(exchange, new Scripted(200, Map.of(), "ok"));
        } finally {
            answered.put(hook, java.time.Instant.now());
        }
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) return;
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Scripted nextScripted(String key) {
        Deque<Scripted> queue = scripted.get(key);
        return queue == null ? null : queue.poll();
    }

    private String answerFor(String method, Map<String, String> args) {
        return switch (method) {
            case "auth.test" -> "{\"ok\":true,\"url\":\"https://capstan-test.slack.com/\",\"team\":\"Test\",\"user\":\"capstan\",\"team_id\":\"T0TEST\",\"user_id\":\"" + BOT_USER_ID + "\",\"bot_id\":\"BBOT\"}";
            case "chat.postMessage", "chat.update", "chat.postEphemeral" ->
                    "{\"ok\":true,\"channel\":\"" + args.getOrDefault("channel", "C0") + "\",\"ts\":\"" + ts.incrementAndGet() + ".000100\"}";
            case "views.publish" -> "{\"ok\":true,\"view\":{\"id\":\"VHOME" + ts.incrementAndGet() + "\",\"type\":\"home\"}}";
            case "views.open", "views.update", "views.push" -> view(method, args);
            case "users.info" -> "{\"ok\":true,\"user\":{\"id\":\"" + args.get("user") + "\",\"name\":\"" + lower(args.get("user"))
                    + "\",\"real_name\":\"User " + args.get("user") + "\",\"tz\":\"Europe/Stockholm\",\"profile\":{\"email\":\""
                    + lower(args.get("user")) + "@example.com\",\"real_name\":\"User " + args.get("user") + "\"}}}";
            case "users.lookupByEmail" -> lookupByEmail(args.get("email"));
            case "conversations.open" -> "{\"ok\":true,\"channel\":{\"id\":\"D" + args.getOrDefault("users", "X") + "\"}}";
            case "conversations.list" -> "{\"ok\":true,\"channels\":[{\"id\":\"CGENERAL\",\"name\":\"general\",\"is_archived\":false},"
                    + "{\"id\":\"CRANDOM\",\"name\":\"random\",\"is_archived\":false}],\"response_metadata\":{\"next_cursor\":\"\"}}";
            case "conversations.members" -> "{\"ok\":true,\"members\":[],\"response_metadata\":{\"next_cursor\":\"\"}}";
            case "users.conversations" -> "{\"ok\":true,\"channels\":[" + channelsOf.getOrDefault(args.get("user"), List.of()).stream()
                    .map(c -> "{\"id\":\"" + c + "\",\"is_archived\":false}").collect(java.util.stream.Collectors.joining(","))
                    + "],\"response_metadata\":{\"next_cursor\":\"\"}}";
            case "files.getUploadURLExternal" -> "{\"ok\":true,\"upload_url\":\"http://127.0.0.1:" + server.getAddress().getPort()
                    + UPLOAD_HOOK + ts.incrementAndGet() + "\",\"file_id\":\"F" + ts.get() + "\"}";
            case "files.completeUploadExternal" -> "{\"ok\":true,\"files\":[{\"id\":\"F1\",\"title\":\"upload\"}]}";
            default -> "{\"ok\":true}";
        };
    }

    /** Slack's answer: the user with that address in the workspace, or users_not_found. */
    private String lookupByEmail(String email) {
        String id = email == null ? null : emails.get(email.trim().toLowerCase());
        if (id == null) return "{\"ok\":false,\"error\":\"users_not_found\"}";
        String name = email.substring(0, email.indexOf('@'));
        return "{\"ok\":true,\"user\":{\"id\":\"" + id + "\",\"team_id\":\"T0TEST\",\"name\":\"" + name + "\",\"deleted\":false,"
                + "\"real_name\":\"User " + id + "\",\"tz\":\"Europe/Stockholm\",\"profile\":{\"real_name\":\"User " + id
                + "\",\"display_name\":\"" + name + "\",\"email\":\"" + email.trim().toLowerCase() + "\"}}}";
    }

    private static String lower(String s) {
        return s == null ? "nobody" : s.toLowerCase();
    }

    private static Map<String, String> parseArgs(HttpExchange exchange) throws IOException {
        String body = read(exchange.getRequestBody());
        Map<String, String> args = new LinkedHashMap<>();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.contains("json")) {
            JsonNode node = JSON.readTree(body);
            node.fields().forEachRemaining(e -> args.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        } else if (!body.isEmpty()) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                args.put(key, value);
            }
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null) args.put("_authorization", auth);
        return args;
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, Scripted answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.body().startsWith("{") ? "application/json" : "text/plain");
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static List<String> list(Iterable<String> items) {
        List<String> out = new ArrayList<>();
        items.forEach(out::add);
        return out;
    }
}
