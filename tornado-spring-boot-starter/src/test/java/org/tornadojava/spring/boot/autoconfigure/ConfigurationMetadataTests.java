package org.tornadojava.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The keys of the three places that name them must agree: what {@link TornadoPropertiesMapper} maps, the IDE
 * metadata the configuration processor writes from {@link TornadoProperties} at build time, and the
 * {@code tornado.*} table of the shared CONTRACT.md, apart from the keys CONTRACT.md announces for later issues.
 */
class ConfigurationMetadataTests {
    /**
     * Keys CONTRACT.md lists that no code binds yet. Remove a key here in the change that implements it: this test
     * fails while a key is both announced and implemented.
     */
    private static final Set<String> ANNOUNCED = Set.of();

    /**
     * Keys read outside the mapper: the auto-configuration's switch, the flag the mapper only tests, and the
     * second-server check.
     */
    private static final Set<String> BOUND_OUTSIDE_THE_MAPPER = Set.of("tornado.enabled", "tornado.server.ssl.enabled",
            "tornado.server.allow-second-server");

    private static final Pattern KEY = Pattern.compile("\"(tornado\\.[a-z0-9.-]*[a-z0-9])\\b");
    private static final Pattern CONTRACT_ROW =
            Pattern.compile("^\\| `(tornado\\.[a-z0-9.*-]+)` \\|([^|]*)\\|(.*)\\|$");
    private static final Pattern BACKTICKED = Pattern.compile("`([a-z0-9-]+)`");

    private static Map<String, JsonNode> metadata;

    @BeforeAll
    static void readMetadata() throws IOException {
        metadata = new LinkedHashMap<>();
        try (InputStream in = ConfigurationMetadataTests.class
                .getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            for (JsonNode property : JsonMapper.builder().build().readTree(in).get("properties")) {
                metadata.put(property.get("name").stringValue(), property);
            }
        }
    }

    @Test
    void everyBoundKeyHasADescriptionAndTheDocumentedDefault() {
        metadata.forEach((name, property) -> assertThat(property.get("description")).as(name).isNotNull());
        assertThat(defaultOf("tornado.server.max-body-size")).isEqualTo("100MB");
        assertThat(defaultOf("tornado.server.shutdown-timeout")).isEqualTo("30s");
        assertThat(defaultOf("tornado.ioloop.transport")).isEqualTo("auto");
        assertThat(defaultOf("tornado.etag.policy")).isEqualTo("content-hash");
        assertThat(defaultOf("tornado.security.signed-cookie-max-age")).isEqualTo("31d");
        assertThat(defaultOf("tornado.ioloop.blocked-threshold")).isEqualTo("2s");
        assertThat(defaultOf("tornado.server.server-header")).startsWith("TornadoServer/");
    }

    @Test
    void theMapperMapsExactlyTheKeysOfTheMetadata() throws IOException {
        Path mapper = moduleDir().resolve(
                "src/main/java/org/tornadojava/spring/boot/autoconfigure/TornadoPropertiesMapper.java");
        Set<String> mapped = new TreeSet<>(BOUND_OUTSIDE_THE_MAPPER);
        Matcher matcher = KEY.matcher(Files.readString(mapper));
        while (matcher.find()) {
            mapped.add(matcher.group(1));
        }
        assertThat(mapped).as("keys in TornadoPropertiesMapper (left) against the metadata")
                .containsExactlyInAnyOrderElementsOf(metadata.keySet());
    }

    @Test
    void theMetadataHoldsExactlyTheContractKeysThatAreNotAnnouncedForLater() throws IOException {
        Path contract = moduleDir().getParent().resolve("../shared/CONTRACT.md").normalize();
        Assumptions.assumeTrue(Files.isReadable(contract), "no shared/CONTRACT.md beside the project: " + contract);
        Set<String> listed = contractKeys(contract);
        assertThat(ANNOUNCED).as("announced keys missing from CONTRACT.md").isSubsetOf(listed);
        assertThat(metadata.keySet().stream().filter(ANNOUNCED::contains).toList())
                .as("announced keys that are implemented now: drop them from ANNOUNCED").isEmpty();
        Set<String> expected = new TreeSet<>(listed);
        expected.removeAll(ANNOUNCED);
        assertThat(new TreeSet<>(metadata.keySet())).as("metadata keys against CONTRACT.md's")
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    /** The keys of CONTRACT.md's property table; a {@code prefix.*} row names its keys in backticks. */
    private static Set<String> contractKeys(Path contract) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String line : Files.readAllLines(contract)) {
            Matcher row = CONTRACT_ROW.matcher(line.trim());
            if (!row.matches()) {
                continue;
            }
            String key = row.group(1);
            if (key.endsWith(".*")) {
                Matcher part = BACKTICKED.matcher(row.group(3));
                while (part.find()) {
                    keys.add(key.substring(0, key.length() - 1) + part.group(1));
                }
            } else {
                keys.add(key);
            }
        }
        return keys;
    }

    private static Path moduleDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    private static String defaultOf(String name) {
        JsonNode property = metadata.get(name);
        assertThat(property).as("metadata for " + name).isNotNull();
        return property.get("defaultValue").asString();
    }
}
