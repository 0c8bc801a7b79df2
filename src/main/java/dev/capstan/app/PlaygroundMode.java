package dev.capstan.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/** When the playground is on (no Slack credentials, or CAPSTAN_PLAYGROUND=true) and the environment it runs with. */
final class PlaygroundMode {
    static final String HOST = "127.0.0.1";

    private PlaygroundMode() {
    }

    /** On when asked for, or when no Slack credential is set at all; CAPSTAN_PLAYGROUND=false turns it off. */
    static boolean wanted(Map<String, String> env) {
        String flag = env.get("CAPSTAN_PLAYGROUND");
        if (flag != null && !flag.isBlank()) return Boolean.parseBoolean(flag.trim());
        return blank(env.get("SLACK_SIGNING_SECRET")) && blank(env.get("SLACK_BOT_TOKEN")) && blank(env.get("SLACK_APP_TOKEN"));
    }

    /** A fixed port, a signing secret the playground can sign with, and the Web API pointed at the in-process fake. */
    static Map<String, String> environment(Map<String, String> env) {
        Map<String, String> prepared = new HashMap<>(env);
        int port = blank(env.get("PORT")) ? 3000 : Integer.parseInt(env.get("PORT").trim());
        if (port == 0) port = freePort();
        prepared.put("PORT", Integer.toString(port));
        if (blank(env.get("SLACK_SIGNING_SECRET"))) prepared.put("SLACK_SIGNING_SECRET", randomSecret());
        prepared.remove("SLACK_APP_TOKEN");
        prepared.put("SLACK_API_URL", baseUrl(port) + "/playground/api/");
        return prepared;
    }

    static String baseUrl(int port) {
        return "http://" + HOST + ":" + port;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the playground", e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
