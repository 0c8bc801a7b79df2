package dev.capstan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HmacTest {
    @Test
    void slackTestVectorVerifies() {
        SlackSignatureCheck check = new SlackSignatureCheck("xxxsecret", Clock.fixed(Instant.ofEpochSecond(123456789), ZoneOffset.UTC));
        String signature = "v0=15a96f4c3573881a4b9f4ac5935af16898f426a943f78c36b6ae166ee4378434";
        assertThat(check.verify("123456789", signature, "command=/weather&text=94070")).isTrue();
        assertThat(check.verify("123456789", signature, "command=/weather&text=94071")).isFalse();
    }

    @Test
    void slackTimestampsOutsideFiveMinutesFailEitherWay() {
        String body = "command=/weather&text=94070";
        SlackSignatureCheck early = new SlackSignatureCheck("xxxsecret", Clock.fixed(Instant.ofEpochSecond(123456789 + 301), ZoneOffset.UTC));
        SlackSignatureCheck late = new SlackSignatureCheck("xxxsecret", Clock.fixed(Instant.ofEpochSecond(123456789 - 301), ZoneOffset.UTC));
        String signature = "v0=15a96f4c3573881a4b9f4ac5935af16898f426a943f78c36b6ae166ee4378434";
        assertThat(early.verify("123456789", signature, body)).isFalse();
        assertThat(late.verify("123456789", signature, body)).isFalse();
        assertThat(early.verify("not-a-number", signature, body)).isFalse();
    }

    @Test
    void gitHubTestVectorVerifies() {
        assertThat(Hmac.matches("It's a Secret to Everybody", "Hello, World!", "sha256=",
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")).isTrue();
    }

    @Test
    void circleCiTestVectorVerifies() {
        assertThat(Hmac.matches("secret", "hello world", "v1=",
                "v1=734cc62f32841568f45715aeb9f4d7891324e6d948e4c6c60c0621cdac48623a")).isTrue();
    }

    @Test
    void aMissingSecretOrSignatureNeverMatches() {
        assertThat(Hmac.matches(null, "x", "v1=", "v1=00")).isFalse();
        assertThat(Hmac.matches("", "x", "v1=", "v1=00")).isFalse();
        assertThat(Hmac.matches("secret", "x", "v1=", null)).isFalse();
    }
}
