package dev.capstan.security;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback's {@code %msg} with every secret value masked; logback.xml uses it for every appender. */
public final class MaskingConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return SecretMask.maskLogLine(super.convert(event));
    }
}
