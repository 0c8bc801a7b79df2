package dev.capstan.features.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.command.UserError;
import dev.capstan.security.SecretMask;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** For any argument values, a request is refused exactly when a value would break its shape, and otherwise keeps its declared method, host and path template. */
class RequestShapePropertiesTest {
    private static final String YAML = """
            commands:
              - name: note
                args: [ { name: item, type: string }, { name: other, type: string } ]
                action:
                  http:
                    method: PUT
                    url: "{{env.BASE}}/api/items/{{item}}/notes/{{other}}.json?fixed=1&x={{other}}"
                    query: { q: "{{item}}" }
                    headers: { X-Item: "{{item}}" }
                    form: { item: "{{item}}" }
                    allow_hosts: [directory.example]
            """;
    private static final Map<String, String> ENVIRONMENT = Map.of("BASE", "https://directory.example:8443/v1");
    private static final Declaration NOTE = declaration();

    @Property(tries = 500)
    void methodHostAndPathTemplateNeverChange(@ForAll("values") String item, @ForAll("values") String other) {
        Variables values = Variables.of("note", Map.of("item", item, "other", other), "U1", "C1", ENVIRONMENT::get, n -> "s3cret");
        String refusal = refusal(item, other);
        if (refusal != null) {
            assertThatThrownBy(() -> HttpRequests.render(NOTE, (Action.Http) NOTE.action(), values))
                    .isInstanceOf(UserError.class).hasMessageContaining(refusal);
            return;
        }
        OutboundRequest request = HttpRequests.render(NOTE, (Action.Http) NOTE.action(), values);
        URI uri = request.uri();
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(uri.getScheme()).isEqualTo("https");
        assertThat(uri.getHost()).isEqualTo("directory.example");
        assertThat(uri.getPort()).isEqualTo(8443);
        String[] segments = uri.getRawPath().split("/", -1);
        assertThat(segments).hasSize(7);
        assertThat(List.of(segments[0], segments[1], segments[2], segments[3], segments[5]))
                .containsExactly("", "v1", "api", "items", "notes");
        assertThat(segments[6]).endsWith(".json");
        assertThat(uri.getRawFragment()).isNull();
        assertThat(uri.getRawQuery().split("&")).hasSize(3).satisfies(pairs -> {
            assertThat(pairs[0]).isEqualTo("fixed=1");
            assertThat(pairs[1]).startsWith("x=");
            assertThat(pairs[2]).startsWith("q=");
        });
        assertThat(request.body().split("&")).hasSize(1);
        assertThat(request.body()).startsWith("item=");
    }

    /**
     * What the request must be refused for, worked out from the values alone; null when it must render. {@code item}
     * fills a path segment of its own and a header, {@code other} the start of the last segment and the query.
     */
    private static String refusal(String item, String other) {
        if (item.isEmpty()) return "`item` can't be empty: it is part of the URL's path.";
        if (other.isEmpty()) return "`other` can't be empty: it is part of the URL's path.";
        if (item.equals(".") || item.equals("..")) return "`" + item + "` can't be a part of the URL's path.";
        if (item.chars().anyMatch(c -> c < 0x20 && c != '\t')) return "The X-Item header can't hold a line break or a control character.";
        return null;
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.of("", "..", ".", "../..", "%2F", "?", "&", "\"", "#", "a/b", "@evil.example", "%2e%2e", "=", "+", " ", "line\nbreak", "a\tb"));
    }

    private static Declaration declaration() {
        try {
            YamlSource source = YamlSource.parse("test.yaml", YAML);
            Secrets secrets = new Secrets(name -> "s3cret", new SecretMask());
            DeclarationReader.Result read = new DeclarationReader(source, new DeclarationPass(source, ENVIRONMENT::get, secrets),
                    Clock.systemUTC()).read();
            assertThat(read.problems()).isEmpty();
            return read.declarations().get(0);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
