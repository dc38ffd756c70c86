package org.tornadojava.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.tornadojava.spring.boot.autoconfigure.TornadoApplicationCustomizer;
import org.tornadojava.spring.boot.autoconfigure.TornadoProperties;
import org.tornadojava.web.Application;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Gives the demo a cookie secret nobody else knows when none is configured: {@code tornado.security.cookie-secret},
 * else the environment variable {@code TORNADO_DEMO_COOKIE_SECRET}, else 32 random bytes drawn once per process,
 * announced by one WARN line (signed cookies then do not survive a restart and are not shared between instances).
 * The demo never signs with a publicly known key, and {@code java -jar demo-app.jar} still runs with no settings.
 */
@Component
class CookieSecretFallback implements TornadoApplicationCustomizer {
    static final String ENVIRONMENT_VARIABLE = "TORNADO_DEMO_COOKIE_SECRET";
    private static final Logger LOG = LoggerFactory.getLogger(CookieSecretFallback.class);

    private final TornadoProperties properties;
    private final Environment environment;

    CookieSecretFallback(TornadoProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /**
     * Sets the secret from the environment variable or a random one, unless the property set it. Context refresh
     * thread.
     *
     * @param builder the application builder
     */
    @Override
    public void customize(Application.Builder builder) {
        if (properties.getSecurity().getCookieSecret() != null) {
            return;
        }
        String fromEnvironment = environment.getProperty(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            builder.cookieSecret(fromEnvironment);
            return;
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        builder.cookieSecret(HexFormat.of().formatHex(random));
        LOG.warn("No cookie secret configured: using a random one for this process, so sign-ins (signed cookies) do "
                + "not survive a restart and are not shared between instances. Set tornado.security.cookie-secret "
                + "or {} (the same value on every instance), e.g. $(openssl rand -hex 32)", ENVIRONMENT_VARIABLE);
    }
}
