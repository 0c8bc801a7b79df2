package dev.capstan.slack;

import com.slack.api.Slack;
import com.slack.api.socket_mode.SocketModeClient;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One Socket Mode WebSocket to Slack (an app-level xapp- token); every replica may hold one, Slack picks one per payload. */
public final class SocketModeConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SocketModeConnection.class);

    private final Slack slack;
    private final String appToken;
    private final SocketModeEnvelopes envelopes;
    private SocketModeClient client;

    public SocketModeConnection(Slack slack, String appToken, SocketModeEnvelopes envelopes) {
        this.slack = slack;
        this.appToken = appToken;
        this.envelopes = envelopes;
    }

    /** Opens the connection; the SDK's client reconnects by itself when Slack asks it to or the socket drops. */
    public void connect() throws IOException {
        client = slack.socketMode(appToken);
        client.setAutoReconnectEnabled(true);
        client.addWebSocketMessageListener(message -> {
            try {
                String ack = envelopes.handle(message);
                if (ack != null) client.sendWebSocketMessage(ack);
            } catch (Exception e) {
                log.error("Could not handle a Socket Mode message", e);
            }
        });
        client.connect();
        log.info("Connected to Slack over Socket Mode");
    }

    @Override
    public void close() throws IOException {
        if (client != null) client.close();
    }
}
