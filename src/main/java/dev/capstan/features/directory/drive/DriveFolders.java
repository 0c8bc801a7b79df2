package dev.capstan.features.directory.drive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Drive v3 permissions of a folder (list every page, create, delete), as the service account. */
public final class DriveFolders {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String apiUrl;
    private final ServiceAccount account;
    private final HttpClient http;

    /** One permission on a folder; {@code inherited} ones come from a parent and cannot be removed here. */
    public record Permission(String id, String type, String email, String role, boolean inherited) { }

    public DriveFolders(String apiUrl, ServiceAccount account, HttpClient http) {
        this.apiUrl = apiUrl.replaceAll("/+$", "");
        this.account = account;
        this.http = http;
    }

    public String serviceAccountEmail() {
        return account.email();
    }

    public List<Permission> permissions(String folderId) throws IOException {
        List<Permission> all = new ArrayList<>();
        String pageToken = null;
        do {
            String url = apiUrl + "/drive/v3/files/" + enc(folderId) + "/permissions?supportsAllDrives=true&pageSize=100"
                    + "&fields=" + enc("nextPageToken,permissions(id,type,emailAddress,role,permissionDetails)")
                    + (pageToken == null ? "" : "&pageToken=" + enc(pageToken));
            JsonNode body = JSON.readTree(call(HttpRequest.newBuilder(URI.create(url)).GET()).body());
            for (JsonNode p : body.path("permissions")) {
                boolean inherited = false;
                for (JsonNode detail : p.path("permissionDetails")) inherited |= detail.path("inherited").asBoolean(false);
                all.add(new Permission(p.path("id").asText(), p.path("type").asText(), p.path("emailAddress").asText(null),
                        p.path("role").asText(), inherited));
            }
            pageToken = body.path("nextPageToken").asText(null);
        } while (pageToken != null && !pageToken.isEmpty());
        return all;
    }

    public void share(String folderId, String email, String role) throws IOException {
        String url = apiUrl + "/drive/v3/files/" + enc(folderId) + "/permissions?supportsAllDrives=true&sendNotificationEmail=false";
        String body = JSON.writeValueAsString(Map.of("type", "user", "role", role, "emailAddress", email));
        call(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public void unshare(String folderId, String permissionId) throws IOException {
        String url = apiUrl + "/drive/v3/files/" + enc(folderId) + "/permissions/" + enc(permissionId) + "?supportsAllDrives=true";
        call(HttpRequest.newBuilder(URI.create(url)).DELETE());
    }

    private HttpResponse<String> call(HttpRequest.Builder request) throws IOException {
        HttpResponse<String> response = ServiceAccount.send(http,
                request.header("Authorization", "Bearer " + account.accessToken()).build());
        if (response.statusCode() >= 300) {
            String message = JSON.readTree(response.body().isEmpty() ? "{}" : response.body()).path("error").path("message").asText("");
            throw new IOException("Drive answered HTTP " + response.statusCode() + (message.isEmpty() ? "" : ": " + message));
        }
        return response;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
