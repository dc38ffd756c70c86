package org.tornadojava.spring.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The IDE metadata the configuration processor writes at build time documents every bound key. */
class ConfigurationMetadataTests {
    @Test
    void everyBoundKeyHasADescriptionAndTheDocumentedDefault() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = JsonMapper.builder().build().readTree(in);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode property : metadata.get("properties")) {
            names.add(property.get("name").stringValue());
            assertThat(property.get("description")).as(property.get("name").stringValue()).isNotNull();
        }
        assertThat(names).containsExactlyInAnyOrder("tornado.enabled", "tornado.debug", "tornado.access-log",
                "tornado.server.port", "tornado.server.address", "tornado.server.backlog",
                "tornado.server.no-keep-alive", "tornado.server.max-header-size", "tornado.server.max-body-size",
                "tornado.server.max-in-memory-body",
                "tornado.server.shutdown-timeout", "tornado.server.reuse-port", "tornado.server.xheaders",
                "tornado.server.trusted-proxies", "tornado.server.idle-connection-timeout",
                "tornado.server.header-timeout", "tornado.server.body-timeout", "tornado.server.decompress-request",
                "tornado.server.compress-response", "tornado.server.ssl.enabled", "tornado.server.ssl.certificate",
                "tornado.server.ssl.private-key", "tornado.ioloop.threads", "tornado.ioloop.transport",
                "tornado.executor.threads", "tornado.executor.queue-capacity", "tornado.errors.format",
                "tornado.websocket.max-message-size", "tornado.websocket.ping-interval",
                "tornado.websocket.compression", "tornado.etag.policy", "tornado.security.ip-whitelist",
                "tornado.security.cookie-secret", "tornado.security.signed-cookie-max-age",
                "tornado.security.xsrf-cookies", "tornado.security.login-url", "tornado.static.path",
                "tornado.static.url-prefix");
        assertThat(defaultOf(metadata, "tornado.server.max-body-size")).isEqualTo("100MB");
        assertThat(defaultOf(metadata, "tornado.server.shutdown-timeout")).isEqualTo("30s");
        assertThat(defaultOf(metadata, "tornado.ioloop.transport")).isEqualTo("auto");
        assertThat(defaultOf(metadata, "tornado.etag.policy")).isEqualTo("content-hash");
        assertThat(defaultOf(metadata, "tornado.security.signed-cookie-max-age")).isEqualTo("31d");
    }

    private static String defaultOf(JsonNode metadata, String name) {
        for (JsonNode property : metadata.get("properties")) {
            if (property.get("name").stringValue().equals(name)) {
                return property.get("defaultValue").asString();
            }
        }
        throw new AssertionError("no metadata for " + name);
    }
}
