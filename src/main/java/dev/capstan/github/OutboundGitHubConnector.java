package dev.capstan.github;

import dev.capstan.http.HttpAnswer;
import dev.capstan.http.HttpCall;
import dev.capstan.http.OutboundClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/** Sends hub4j's GitHub calls through the platform's outbound client: timeouts, retries, audit and masking for GitHub too. */
final class OutboundGitHubConnector implements GitHubConnector {
    private final OutboundClient client;

    OutboundGitHubConnector(OutboundClient client) {
        this.client = client;
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        HttpCall call;
        try {
            call = HttpCall.of(request.method(), request.url().toURI().toString());
        } catch (URISyntaxException e) {
            throw new IOException("Not a URL: " + request.url(), e);
        }
        for (Map.Entry<String, java.util.List<String>> header : request.allHeaders().entrySet()) {
            if (header.getKey() != null && !header.getValue().isEmpty()) call = call.header(header.getKey(), String.join(", ", header.getValue()));
        }
        if (request.hasBody()) {
            try (InputStream body = request.body()) {
                call = call.withBody(body.readAllBytes());
            }
            if (request.contentType() != null) call = call.header("Content-Type", request.contentType());
        }
        HttpAnswer answer;
        try {
            answer = client.send(call);
        } catch (RuntimeException noAnswer) {
            throw new IOException(noAnswer.getMessage(), noAnswer);
        }
        return new Answer(request, answer);
    }

    /** hub4j's view of an answer we already read. */
    private static final class Answer extends GitHubConnectorResponse.ByteArrayResponse {
        private final byte[] body;

        Answer(GitHubConnectorRequest request, HttpAnswer answer) {
            super(request, answer.status(), answer.headers());
            this.body = answer.body().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        protected InputStream rawBodyStream() {
            return new ByteArrayInputStream(body);
        }
    }
}
