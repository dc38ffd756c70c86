package org.tornadojava.spring.boot.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.tornadojava.http.HttpServerOptions;

import java.util.Set;
import java.util.TreeSet;

/**
 * Spring's own {@code server.*} keys, seen from a context where Tornado is the only web server:
 * {@code tornado.server.port} falls back to {@code server.port} (so {@code @SpringBootTest(webEnvironment =
 * RANDOM_PORT)}, which sets {@code server.port=0}, starts Tornado on a free port), and the other {@code server.*}
 * keys, which no server reads, are named in one WARN line. With a servlet or reactive server beside Tornado those
 * keys are its own and are left alone. Used on the thread refreshing the context.
 */
final class SpringServerKeys {
    static final String SPRING_PORT = "server.port";
    static final String TORNADO_PORT = "tornado.server.port";

    private static final Log LOG = LogFactory.getLog(TornadoAutoConfiguration.class);
    private static final ConfigurationPropertyName SERVER = ConfigurationPropertyName.of("server");

    private final Environment environment;
    private final Binder binder;

    SpringServerKeys(Environment environment) {
        this.environment = environment;
        this.binder = Binder.get(environment);
    }

    /**
     * The key that decides Tornado's port: {@code server.port} when only that is set, else
     * {@code tornado.server.port}.
     */
    String portKey() {
        return !isSet(TORNADO_PORT) && isSet(SPRING_PORT) ? SPRING_PORT : TORNADO_PORT;
    }

    /**
     * The port Tornado was asked to listen on, as its key says.
     *
     * @param defaultPort the port when neither key is set
     */
    int configuredPort(int defaultPort) {
        return binder.bind(portKey(), Integer.class).orElse(defaultPort);
    }

    /**
     * Applies {@code server.port} when {@code tornado.server.port} is not set, and warns about the {@code server.*}
     * keys nothing reads. Does nothing when another web server runs in the context.
     *
     * @param options the options to set the port on
     * @param secondServer whether a servlet or reactive web server runs beside Tornado
     */
    void apply(HttpServerOptions options, boolean secondServer) {
        if (secondServer) {
            return;
        }
        boolean portFallback = SPRING_PORT.equals(portKey());
        if (portFallback) {
            Integer port = bindPort();
            try {
                options.port(port);
            } catch (IllegalArgumentException ex) {
                throw new InvalidConfigurationPropertyValueException(SPRING_PORT, port, ex.getMessage());
            }
        }
        Set<String> ignored = serverKeys();
        if (portFallback || environment.getProperty(SPRING_PORT, "").equals(environment.getProperty(TORNADO_PORT))) {
            ignored.remove(SPRING_PORT);
        }
        if (!ignored.isEmpty()) {
            LOG.warn("Spring's " + String.join(", ", ignored) + (ignored.size() == 1 ? " is" : " are")
                    + " ignored: Tornado is the web server and reads tornado.server.* (see docs/configuration.md)");
        }
    }

    private Integer bindPort() {
        try {
            BindResult<Integer> port = binder.bind(SPRING_PORT, Integer.class);
            return port.get();
        } catch (RuntimeException ex) {
            throw new InvalidConfigurationPropertyValueException(SPRING_PORT, environment.getProperty(SPRING_PORT),
                    "not a port number");
        }
    }

    private boolean isSet(String key) {
        ConfigurationPropertyName name = ConfigurationPropertyName.of(key);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source.getConfigurationProperty(name) != null) {
                return true;
            }
        }
        return false;
    }

    private Set<String> serverKeys() {
        Set<String> keys = new TreeSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.filter(SERVER::isAncestorOf).forEach((name) -> keys.add(name.toString()));
            }
        }
        return keys;
    }
}
