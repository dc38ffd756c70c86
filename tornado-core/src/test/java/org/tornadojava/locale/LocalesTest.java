package org.tornadojava.locale;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LocalesTest {
    /** Translations that exist for the listed codes and translate nothing. */
    private static Translations supporting(String... codes) {
        Set<String> supported = Set.of(codes);
        return new Translations() {
            @Override
            public boolean hasLocale(String code) {
                return supported.contains(code);
            }

            @Override
            public String translate(String code, String message, String pluralMessage, int count) {
                return null;
            }
        };
    }

    private final Locales locales = new Locales("en_US", supporting("fr", "pt_BR", "de_DE"));

    @Test
    void theHighestQualitySupportedLanguageWins() {
        assertThat(locales.fromAcceptLanguage("de;q=0.3, pt-br;q=0.8, en;q=0.1").code()).isEqualTo("pt_BR");
    }

    @Test
    void aMissingQualityCountsAsOneAndKeepsHeaderOrderAmongEquals() {
        assertThat(locales.fromAcceptLanguage("fr-CA, de-DE").code()).isEqualTo("fr");
        assertThat(locales.fromAcceptLanguage("de-DE, fr").code()).isEqualTo("de_DE");
    }

    @Test
    void zeroOrMalformedQualitiesDropTheLanguage() {
        assertThat(locales.fromAcceptLanguage("fr;q=0, pt-BR;q=abc, de-de;q=0.2").code()).isEqualTo("de_DE");
    }

    @Test
    void unsupportedLanguagesAndNoHeaderGiveTheDefault() {
        assertThat(locales.fromAcceptLanguage("ja, zh-TW;q=0.9").code()).isEqualTo("en_US");
        assertThat(locales.fromAcceptLanguage(null).code()).isEqualTo("en_US");
        assertThat(locales.fromAcceptLanguage("").code()).isEqualTo("en_US");
    }

    @Test
    void getClosestNormalisesCaseAndFallsBackToTheLanguage() {
        assertThat(locales.getClosest(List.of("PT-br")).code()).isEqualTo("pt_BR");
        assertThat(locales.getClosest(List.of("fr_BE")).code()).isEqualTo("fr");
        assertThat(locales.getClosest(List.of("a_b_c", "de_de")).code()).isEqualTo("de_DE");
        assertThat(locales.get("en").code()).isEqualTo("en_US");
    }

    @Test
    void rightToLeftLanguagesAreMarked() {
        Locales persian = new Locales("fa", Translations.none());
        assertThat(persian.defaultLocale().rtl()).isTrue();
        assertThat(locales.defaultLocale().rtl()).isFalse();
    }
}
