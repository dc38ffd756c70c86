package org.tornadojava.web;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Values made by Python Tornado ({@code src/test/resources/tornado-interop/generate.py}), committed as test data. */
final class TornadoVectors {
    private static final JsonNode ROOT = load();

    private TornadoVectors() {
    }

    static JsonNode get(String section) {
        return ROOT.get(section);
    }

    private static JsonNode load() {
        try (InputStream in = TornadoVectors.class.getResourceAsStream("/tornado-interop/vectors.json")) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
