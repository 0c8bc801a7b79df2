package dev.capstan.features.commands;

import dev.capstan.http.HttpCall;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A rendered request, ready to send (secrets resolved) or to show in a dry run (secrets as placeholders). */
record OutboundRequest(String method, URI uri, Map<String, String> headers, String body) {
    OutboundRequest {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? "" : body;
    }

    HttpCall call() {
        HttpCall call = HttpCall.of(method, uri.toString());
        for (Map.Entry<String, String> header : headers.entrySet()) call = call.header(header.getKey(), header.getValue());
        return body.isEmpty() ? call : call.withBody(body.getBytes(StandardCharsets.UTF_8));
    }

    /** The request as text, for a dry run; anything that is a secret's value is masked on top of the placeholders. */
    String describe(Secrets secrets) {
        StringBuilder text = new StringBuilder(method).append(' ').append(uri);
        headers.forEach((name, value) -> text.append('\n').append(name).append(": ").append(value));
        if (!body.isEmpty()) text.append("\n\n").append(body);
        return secrets.masked(text.toString());
    }
}
