package dev.capstan.jenkins;

import dev.capstan.http.HostAllowList;
import dev.capstan.http.HttpUrl;
import dev.capstan.http.OutboundClient;
import dev.capstan.security.SecretMask;
import java.net.URI;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where Jenkins is and who Capstan is there, from {@code JENKINS_URL}, {@code JENKINS_USER} and {@code JENKINS_API_TOKEN}
 * (no crumb needed) or {@code JENKINS_PASSWORD} (a crumb is fetched first). Every family that builds Jenkins jobs
 * declares these through {@link #declare}, so each variable has one meaning however many families read it.
 */
public record JenkinsAccess(String url, String user, String token, String password) {
    public static final String URL = "JENKINS_URL";
    public static final String USER = "JENKINS_USER";
    public static final String TOKEN = "JENKINS_API_TOKEN";
    public static final String PASSWORD = "JENKINS_PASSWORD";

    /** Declares the four variables (plain and secret, as a family's context declares them) and reads them. */
    public static JenkinsAccess declare(BiFunction<String, String, String> variable, BiFunction<String, String, String> secret) {
        return new JenkinsAccess(
                variable.apply(URL, "Jenkins' base URL, for deployments run by Jenkins and declared commands with a jenkins action"),
                variable.apply(USER, "the Jenkins user Capstan builds jobs as"),
                secret.apply(TOKEN, "that user's API token (no crumb needed)"),
                secret.apply(PASSWORD, "or that user's password (Capstan fetches a crumb first)"));
    }

    /** Whether a user and a token or password are set: without them Jenkins sees an anonymous caller. */
    public boolean signsIn() {
        return user != null && (token != null || password != null);
    }

    /**
     * A client for this Jenkins, its outbound HTTP client allowed its host only; empty when {@code JENKINS_URL} is unset,
     * or when it is not an http(s) URL, which is then reported as a problem at start.
     */
    public Optional<JenkinsClient> client(Function<HostAllowList, OutboundClient> http, Consumer<String> problem, SecretMask secrets) {
        if (url == null) return Optional.empty();
        Optional<URI> base = base(url);
        if (base.isEmpty()) {
            problem.accept(URL + " must be an http(s) URL, like https://jenkins.example.com/, not `" + url + "`");
            return Optional.empty();
        }
        return Optional.of(new JenkinsClient(base.get(), this, http.apply(HostAllowList.of(base.get().getHost())), secrets));
    }

    private static Optional<URI> base(String url) {
        try {
            String trimmed = url.trim();
            return Optional.of(HttpUrl.parse(trimmed.endsWith("/") ? trimmed : trimmed + "/").uri());
        } catch (IllegalArgumentException notAUrl) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "JenkinsAccess[url=" + url + ", user=" + user + "]";
    }
}
