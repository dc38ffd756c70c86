package org.tornadojava.locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tornadojava.testing.ExpectLog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTranslationsTest {
    /** Tornado's own test file (tornado/test/csv_translations/fr_FR.csv) plus plural rows, quoting and a BOM. */
    private static final String FR_FR = "\uFEFF\"school\",\"\u00e9cole\"\n"
            + "\"%(name)s liked this\",\"%(name)s a aim\u00e9 \u00e7a\",\"singular\"\n"
            + "\"%(name)s liked these\",\"%(name)s ont aim\u00e9 \u00e7a\",\"plural\"\n"
            + "\r\n"
            + "\"He said \"\"hi\"\"\",\"Il a dit \"\"salut\"\"\"\r\n"
            + "\"%(commas)s and %(last)s\",\"%(commas)s et %(last)s\"\n";

    private static CsvTranslations load(Path folder) throws IOException {
        return load(folder, FR_FR);
    }

    private static CsvTranslations load(Path folder, String text) throws IOException {
        Files.write(folder.resolve("fr_FR.csv"), text.getBytes(StandardCharsets.UTF_8));
        return CsvTranslations.load(folder);
    }

    @Test
    void aTornadoCsvFileTranslatesMessagesForItsLocale(@TempDir Path folder) throws IOException {
        UserLocale french = new Locales("en_US", load(folder)).get("fr-fr");

        assertThat(french.code()).isEqualTo("fr_FR");
        assertThat(french.translate("school")).isEqualTo("\u00e9cole");
        assertThat(french.translate("He said \"hi\"")).isEqualTo("Il a dit \"salut\"");
        assertThat(french.translate("not in the file")).isEqualTo("not in the file");
    }

    @Test
    void pluralRowsAreChosenByCount(@TempDir Path folder) throws IOException {
        UserLocale french = new Locales("en_US", load(folder)).get("fr_FR");

        String one = french.translate("%(name)s liked this", "%(name)s liked these", 1);
        String many = french.translate("%(name)s liked this", "%(name)s liked these", 3);

        assertThat(french.format(one, Map.of("name", "Ann"))).isEqualTo("Ann a aim\u00e9 \u00e7a");
        assertThat(french.format(many, Map.of("name", "Ann et Bo"))).isEqualTo("Ann et Bo ont aim\u00e9 \u00e7a");
        assertThat(new Locales("en_US", Translations.none()).defaultLocale()
                .translate("%(n)d apple", "%(n)d apples", 2)).isEqualTo("%(n)d apples");
    }

    @Test
    void listToTextUsesTheTranslatedConnective(@TempDir Path folder) throws IOException {
        UserLocale french = new Locales("en_US", load(folder)).get("fr_FR");

        assertThat(french.listToText(List.of("a", "b", "c"))).isEqualTo("a, b et c");
    }

    @Test
    void anUnknownPluralIndicatorOrFileNameIsSkippedWithOneError(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("not-a-locale.csv"), "\"a\",\"b\"\n");
        CsvTranslations translations;
        try (ExpectLog badRow = new ExpectLog("tornado.general", "Unrecognized plural indicator weird");
             ExpectLog badName = new ExpectLog("tornado.general", "Unrecognized locale not-a-locale")) {
            translations = load(folder, FR_FR + "\"Monday\",\"lundi\",\"weird\"\n");
        }

        assertThat(translations.localeCodes()).containsExactly("fr_FR");
        assertThat(translations.translate("fr_FR", "Monday", null, 1)).isNull();
    }

    @Test
    void aUtf16FileWithItsByteOrderMarkIsRead(@TempDir Path folder) throws IOException {
        Files.write(folder.resolve("de.csv"), "\"school\",\"Schule\"\n".getBytes(StandardCharsets.UTF_16));

        assertThat(CsvTranslations.load(folder).translate("de", "school", null, 1)).isEqualTo("Schule");
    }
}
