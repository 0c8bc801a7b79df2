package dev.capstan.features.commands;

import dev.capstan.command.UserError;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A request URL from a template. Only configuration ({@code {{env.X}}} and the text itself) may write the scheme, host
 * and the path up to the first argument; an argument's value is encoded as one path segment or query component, and a
 * rendered URL whose host differs from the declared one, or whose path holds a "." or ".." segment, is refused.
 */
record UrlTemplate(Template template) {
    /** What rendering needs: argument and environment values, and secrets (allowed in the query only). */
    interface Values {
        String variable(String name);

        String secret(String name);
    }

    /** Renders the URL; throws {@link UserError} when a value would empty a path segment or make it a dot segment. */
    URI render(Values values) {
        StringBuilder url = new StringBuilder();
        boolean inQuery = false;
        for (Template.Part part : template.parts()) {
            if (part instanceof Template.Literal literal) {
                url.append(literal.text());
                inQuery |= literal.text().contains("?");
            } else if (part instanceof Template.Variable variable) {
                String value = values.variable(variable.name());
                value = value == null ? "" : value;
                boolean trusted = variable.name().startsWith("env.") && !inQuery;
                if (!trusted && !inQuery && value.isEmpty()) {
                    throw new UserError("`" + variable.name() + "` can't be empty: it is part of the URL's path.");
                }
                url.append(trusted ? value : Encoding.component(value));
            } else {
                url.append(Encoding.component(values.secret(((Template.Secret) part).name())));
            }
        }
        URI uri = parse(url.toString());
        for (String segment : uri.getRawPath().split("/")) {
            String decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            if (decoded.equals(".") || decoded.equals("..")) {
                throw new UserError("`" + decoded + "` can't be a part of the URL's path.");
            }
        }
        return uri;
    }

    /** The URL as far as configuration writes it (up to the first argument or the query), for checks at load. */
    String configuredPrefix(Function<String, String> environment) {
        StringBuilder prefix = new StringBuilder();
        for (Template.Part part : template.parts()) {
            if (part instanceof Template.Literal literal) {
                int query = literal.text().indexOf('?');
                prefix.append(query < 0 ? literal.text() : literal.text().substring(0, query));
                if (query >= 0) break;
            } else if (part instanceof Template.Variable variable && variable.name().startsWith("env.")) {
                String value = environment.apply(variable.name().substring(4));
                prefix.append(value == null ? "" : value);
            } else {
                break;
            }
        }
        return prefix.toString();
    }

    static URI parse(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getRawFragment() != null) throw new UserError("A request URL can't have a #fragment.");
            if (uri.getRawPath() == null || uri.getHost() == null) throw new UserError("The request URL has no host or no path.");
            return uri;
        } catch (URISyntaxException e) {
            throw new UserError("The request URL is not valid: " + e.getReason() + ".");
        }
    }
}
