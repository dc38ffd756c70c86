package org.tornadojava.locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Translations in Tornado's CSV format ({@code tornado.locale.load_translations}), so a Tornado team keeps its
 * files: one file per locale named after it ({@code es_LA.csv}), one message per row:
 *
 * <pre>
 * "I love you","Te amo"
 * "%(name)s liked this","A %(name)s les gustó esto","plural"
 * "%(name)s liked this","A %(name)s le gustó esto","singular"
 * </pre>
 *
 * <p>The optional third column says which form of a plural message the row translates ({@code plural},
 * {@code singular}, or {@code unknown} for a message without plural); a plural row's first column is the English
 * plural form. Files are UTF-8 (a UTF-16 file needs its byte order mark). Immutable once loaded; thread-safe.
 */
public final class CsvTranslations implements Translations {
    private static final Logger LOG = LoggerFactory.getLogger("tornado.general");
    private static final Pattern LOCALE_CODE = Pattern.compile("[a-z]+(_[A-Z]+)?");
    private static final Set<String> FORMS = Set.of("plural", "singular", "unknown");

    /** Locale code, then form ({@code plural}, {@code singular}, {@code unknown}), then English to translation. */
    private final Map<String, Map<String, Map<String, String>>> byLocale;

    private CsvTranslations(Map<String, Map<String, Map<String, String>>> byLocale) {
        this.byLocale = byLocale;
    }

    /**
     * Loads every {@code <locale>.csv} file of a folder, Tornado's {@code load_translations(directory)}. A file
     * whose name is not a locale code ({@code es}, {@code es_LA}) and a row with an unknown form are skipped with
     * one ERROR line on {@code tornado.general}. Call it at start-up (it reads files).
     *
     * @param directory the folder
     * @return the translations
     * @throws UncheckedIOException when the folder or a file cannot be read
     */
    public static CsvTranslations load(Path directory) {
        Map<String, Map<String, Map<String, String>>> byLocale = new HashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                String fileName = file.getFileName().toString();
                if (!fileName.endsWith(".csv")) {
                    continue;
                }
                String code = fileName.substring(0, fileName.length() - ".csv".length());
                if (!LOCALE_CODE.matcher(code).matches()) {
                    LOG.error("Unrecognized locale {} (path: {})", code, file);
                    continue;
                }
                byLocale.put(code, readFile(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read translations from " + directory, e);
        }
        return new CsvTranslations(byLocale);
    }

    private static Map<String, Map<String, String>> readFile(Path file) throws IOException {
        Map<String, Map<String, String>> forms = new HashMap<>();
        List<List<String>> rows = CsvRows.parse(decode(Files.readAllBytes(file)));
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i).stream().map(String::strip).toList();
            if (row.size() < 2) {
                continue;
            }
            String form = row.size() > 2 && !row.get(2).isEmpty() ? row.get(2) : "unknown";
            if (!FORMS.contains(form)) {
                LOG.error("Unrecognized plural indicator {} in {} line {}", form, file, i + 1);
                continue;
            }
            forms.computeIfAbsent(form, (key) -> new HashMap<>()).put(row.get(0), row.get(1));
        }
        return forms;
    }

    /** UTF-16 when the file starts with its byte order mark, else UTF-8 (a UTF-8 byte order mark dropped). */
    private static String decode(byte[] bytes) {
        boolean utf16 = bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
        Charset charset = utf16 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8;
        String text = new String(bytes, charset);
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    /**
     * The locales that have a file. Any thread.
     *
     * @return the locale codes
     */
    public Set<String> localeCodes() {
        return byLocale.keySet();
    }

    /**
     * Whether a file for the locale was loaded. Any thread.
     *
     * @param code the locale code
     * @return true when loaded
     */
    @Override
    public boolean hasLocale(String code) {
        return byLocale.containsKey(code);
    }

    /**
     * The translation from the locale's file, Tornado's {@code CSVLocale.translate}. Any thread.
     *
     * @param code the locale code
     * @param message the English message (singular form)
     * @param pluralMessage the English plural form, or null
     * @param count singular when 1, else plural (with a plural form)
     * @return the translation, or null when the file has none
     */
    @Override
    public String translate(String code, String message, String pluralMessage, int count) {
        Map<String, Map<String, String>> forms = byLocale.get(code);
        if (forms == null) {
            return null;
        }
        String form = pluralMessage == null ? "unknown" : count != 1 ? "plural" : "singular";
        String english = pluralMessage != null && count != 1 ? pluralMessage : message;
        return forms.getOrDefault(form, Map.of()).get(english);
    }
}
