package dev.capstan.security;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/** Logback's stack traces with every secret value masked: exception messages quote URLs, headers and bodies. */
public final class MaskingThrowableConverter extends ThrowableProxyConverter {
    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return SecretMask.maskLogLine(super.throwableProxyToString(proxy));
    }
}
