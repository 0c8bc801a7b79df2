package dev.capstan.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Google's OAuth token endpoint (service-account JWT checked against a key pair made here)
 * and the Drive v3 permissions of folders, paged two at a time. A folder can be scripted to fail once.
 */
public final class FakeDrive implements AutoCloseable {
    public static final String SERVICE_ACCOUNT = "capstan@project.iam.gserviceaccount.com";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "ya29.fake-access-token";

    /** One permission on a folder. */
    public record Permission(String id, String type, String email, String role, boolean inherited) { }

    private final HttpServer server;
    private final KeyPair keys;
    private final Map<String, List<Permission>> folders = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<String> subjects = new CopyOnWriteArrayList<>();

    public FakeDrive() {
        keys = TestKeyPair.rsa();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    /** The {@code sub} claim of each accepted sign-in, "" for one without: whom the service account acted for. */
    public List<String> signInSubjects() {
        return List.copyOf(subjects);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The service account's JSON key, as GOOGLE_SERVICE_ACCOUNT_JSON holds it. */
    public String serviceAccountJson() {
        return JSON.createObjectNode().put("type", "service_account").put("client_email", SERVICE_ACCOUNT)
                .put("private_key", TestKeyPair.privateKeyPem()).put("token_uri", url() + "/token").toString();
    }

    /** A folder with the permissions it starts with. */
    public void folder(String id, Permission... permissions) {
        folders.put(id, new CopyOnWriteArrayList<>(List.of(permissions)));
    }

    public List<Permission> permissions(String folder) {
        return List.copyOf(folders.getOrDefault(folder, List.of()));
    }

    /** The next {@code times} requests about this folder answer 500. */
    public void failNext(String folder, int times) {
        failures.put(folder, times);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (path.equals("/token")) {
            token(exchange, body);
            return;
        }
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"error\":{\"code\":401,\"message\":\"Invalid Credentials\"}}");
            return;
        }
        String[] parts = path.split("/");
        if (parts.length < 6 || !path.startsWith("/drive/v3/files/") || !parts[5].equals("permissions")) {
            respond(exchange, 404, "{\"error\":{\"code\":404,\"message\":\"Not Found\"}}");
            return;
        }
        String folder = parts[4];
        List<Permission> permissions = folders.get(folder);
        if (permissions == null) {
            respond(exchange, 404, "{\"error\":{\"code\":404,\"message\":\"File not found: " + folder + ".\"}}");
            return;
        }
        if (failures.getOrDefault(folder, 0) > 0) {
            failures.merge(folder, -1, Integer::sum);
            respond(exchange, 500, "{\"error\":{\"code\":500,\"message\":\"Internal Error\"}}");
            return;
        }
        String method = exchange.getRequestMethod();
        if (method.equals("GET")) {
            list(exchange, permissions);
        } else if (method.equals("POST")) {
            JsonNode request = JSON.readTree(body);
            Permission created = new Permission("p" + ids.incrementAndGet(), request.path("type").asText(),
                    request.path("emailAddress").asText(), request.path("role").asText(), false);
            permissions.add(created);
            respond(exchange, 200, JSON.writeValueAsString(Map.of("id", created.id(), "type", created.type(), "role", created.role())));
        } else if (method.equals("DELETE") && parts.length == 7) {
            boolean removed = permissions.removeIf(p -> p.id().equals(parts[6]) && !p.inherited());
            respond(exchange, removed ? 204 : 403, removed ? "" : "{\"error\":{\"code\":403,\"message\":\"Cannot delete\"}}");
        } else {
            respond(exchange, 405, "{\"error\":{\"code\":405,\"message\":\"Method not allowed\"}}");
        }
    }

    private void list(HttpExchange exchange, List<Permission> permissions) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        int start = 0;
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("pageToken=")) start = Integer.parseInt(pair.substring("pageToken=".length()));
        }
        List<Permission> all = new ArrayList<>(permissions);
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode page = answer.putArray("permissions");
        for (Permission p : all.subList(Math.min(start, all.size()), Math.min(start + 2, all.size()))) {
            ObjectNode node = page.addObject().put("id", p.id()).put("type", p.type()).put("role", p.role());
            if (p.email() != null) node.put("emailAddress", p.email());
            node.putArray("permissionDetails").addObject().put("permissionType", "file").put("role", p.role()).put("inherited", p.inherited());
        }
        if (start + 2 < all.size()) answer.put("nextPageToken", Integer.toString(start + 2));
        respond(exchange, 200, answer.toString());
    }

    private void token(HttpExchange exchange, String body) throws IOException {
        String assertion = null;
        for (String pair : body.split("&")) {
            if (pair.startsWith("assertion=")) assertion = URLDecoder.decode(pair.substring(10), StandardCharsets.UTF_8);
        }
        try {
            var claims = Jwts.parser().verifyWith(keys.getPublic()).build().parseSignedClaims(assertion).getPayload();
            if (!SERVICE_ACCOUNT.equals(claims.getIssuer()) || !claims.getAudience().contains(url() + "/token")) throw new IllegalArgumentException();
            subjects.add(claims.getSubject() == null ? "" : claims.getSubject());
            respond(exchange, 200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
        } catch (Exception e) {
            respond(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
