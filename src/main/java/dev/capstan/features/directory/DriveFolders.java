package dev.capstan.features.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import dev.capstan.http.HttpAnswer;
import dev.capstan.http.HttpCall;
import dev.capstan.http.OutboundClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Drive v3 permissions of a folder (list every page, create, delete), as the service account. */
final class DriveFolders {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String apiUrl;
    private final ServiceAccount account;
    private final OutboundClient http;

    /** One permission on a folder; {@code inherited} ones come from a parent and cannot be removed here. */
    public record Permission(String id, String type, String email, String role, boolean inherited) { }

    public DriveFolders(String apiUrl, ServiceAccount account, OutboundClient http) {
        this.apiUrl = apiUrl.replaceAll("/+$", "");
        this.account = account;
        this.http = http;
    }

    /** Whether a grant is the account's own (the service account, or the user it acts for), which sharing leaves alone. */
    public boolean isSelf(String email) {
        return email.equalsIgnoreCase(account.email()) || email.equalsIgnoreCase(account.subject() == null ? "" : account.subject());
    }

    public List<Permission> permissions(String folderId) throws IOException {
        List<Permission> all = new ArrayList<>();
        String pageToken = null;
        do {
            String url = apiUrl + "/drive/v3/files/" + enc(folderId) + "/permissions?supportsAllDrives=true&pageSize=100"
                    + "&fields=" + enc("nextPageToken,permissions(id,type,emailAddress,role,permissionDetails)")
                    + (pageToken == null ? "" : "&pageToken=" + enc(pageToken));
            JsonNode body = JSON.readTree(call(HttpCall.get(url)).body());
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
        call(HttpCall.post(url).json(body));
    }

    public void unshare(String folderId, String permissionId) throws IOException {
        String url = apiUrl + "/drive/v3/files/" + enc(folderId) + "/permissions/" + enc(permissionId) + "?supportsAllDrives=true";
        call(HttpCall.of("DELETE", url));
    }

    private HttpAnswer call(HttpCall call) throws IOException {
        HttpAnswer response;
        try {
            response = http.send(call.header("Authorization", "Bearer " + account.accessToken()));
        } catch (RuntimeException noAnswer) {
            throw new IOException(noAnswer.getMessage(), noAnswer);
        }
        if (response.status() >= 300) {
            String message = response.json().path("error").path("message").asText("");
            throw new IOException("Drive answered HTTP " + response.status() + (message.isEmpty() ? "" : ": " + message));
        }
        return response;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
