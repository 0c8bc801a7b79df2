package dev.capstan.features.flush;

import dev.capstan.platform.FeatureContext;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fills in the {@code ${secret:NAME}} parts of a URL (each flush service's, the allow-list's) once, at start: from the environment variable
 * NAME, or the file NAME_FILE names. Each value (and its URL-encoded form) is masked from then on in logs, the audit
 * log and replies; a secret that is not set is a configuration problem.
 */
final class SecretUrls {
    private SecretUrls() {
    }

    /** Site name → its flush service's URL with secrets filled in. */
    static Map<String, String> resolve(FeatureContext context, Sites sites) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (Site site : sites.all()) {
            if (site.settings().http() == null) continue;
            String url = resolve(context, site.settings().http(), "sites." + site.name() + ".http.url");
            if (url != null) urls.put(site.name(), url);
        }
        return urls;
    }

    /** The URL with its secrets filled in and masked from now on; null (and a problem for {@code where}) when one is not set. */
    static String resolve(FeatureContext context, SecretUrl url, String where) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : url.secrets()) {
            String value = read(context, name);
            if (value == null) {
                context.problem(where + ": the secret " + name + " is not set (set " + name + " or " + name + "_FILE)");
                continue;
            }
            context.secretMask().add(value);
            context.secretMask().add(URLEncoder.encode(value, StandardCharsets.UTF_8));
            values.put(name, value);
        }
        return values.size() == url.secrets().size() ? url.resolved(values::get) : null;
    }

    private static String read(FeatureContext context, String name) {
        String value = context.configuredVariable(name);
        if (value != null) return value;
        String file = context.configuredVariable(name + "_FILE");
        if (file == null) return null;
        try {
            String content = Files.readString(Path.of(file)).strip();
            return content.isEmpty() ? null : content;
        } catch (IOException e) {
            return null;
        }
    }
}
