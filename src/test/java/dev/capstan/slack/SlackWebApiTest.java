package dev.capstan.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.capstan.support.FakeSlack;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Web API client against a local fake Slack: rate limits are waited out as Slack asks, refusals carry Slack's code. */
class SlackWebApiTest {
    private final FakeSlack fake = new FakeSlack();
    private final SlackWebApi web = new SlackWebApi(client(fake));

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aRateLimitedCallWaitsAsLongAsRetryAfterSaysThenSucceeds() throws Exception {
        fake.scriptNext("chat.postMessage", new FakeSlack.Scripted(429, Map.of("Retry-After", "1"), "{\"ok\":false,\"error\":\"ratelimited\"}"));
        long started = System.nanoTime();
        web.call("chat.postMessage", m -> m.chatPostMessage(r -> r.channel("C0TEST").text("hello")));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(fake.calls("chat.postMessage")).hasSize(2);
    }

    @Test
    void retryAfterIsReadInSecondsAndNeverWaitsLongerThanHalfAMinute() {
        assertThat(SlackWebApi.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(SlackWebApi.retryAfter("0")).isEqualTo(Duration.ofSeconds(1));
        assertThat(SlackWebApi.retryAfter("120")).isEqualTo(Duration.ofSeconds(30));
        assertThat(SlackWebApi.retryAfter("soon")).isEqualTo(Duration.ofSeconds(1));
        assertThat(SlackWebApi.retryAfter(null)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRefusedCallCarriesSlacksErrorCode() {
        fake.scriptNext("views.open", new FakeSlack.Scripted(200, Map.of(), "{\"ok\":false,\"error\":\"expired_trigger_id\"}"));
        SlackWebApi.SlackCallFailed failure = catchThrowableOfType(SlackWebApi.SlackCallFailed.class,
                () -> web.call("views.open", m -> m.viewsOpen(r -> r.triggerId("1.2.3").viewAsString("{}"))));
        assertThat(failure.error()).isEqualTo("expired_trigger_id");
        assertThat(failure).hasMessage("Slack refused views.open: expired_trigger_id");
    }

    private static com.slack.api.methods.MethodsClient client(FakeSlack fake) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.apiUrl());
        return Slack.getInstance(config).methods("xoxb-test");
    }
}
