package org.tornadojava.locale;

/**
 * Where a {@link UserLocale} finds its translated messages: Tornado's CSV files ({@link CsvTranslations}), Spring's
 * {@code MessageSource} in the starter, or anything else. Implementations are shared and must be thread-safe.
 */
public interface Translations {

    /**
     * Tells whether translations exist for a locale, so that {@link Locales} may choose it for a user.
     * Any thread.
     *
     * @param code a locale code such as {@code es_LA} or {@code fr}
     * @return true when the locale is supported
     */
    boolean hasLocale(String code);

    /**
     * Translates a message, Tornado's {@code Locale.translate}. Any thread.
     *
     * @param code the locale code
     * @param message the English message (the singular form when {@code pluralMessage} is given)
     * @param pluralMessage the English plural form, or null for a message without plural
     * @param count chooses singular ({@code 1}) or plural (anything else) when {@code pluralMessage} is given
     * @return the translation, or null when there is none
     */
    String translate(String code, String message, String pluralMessage, int count);

    /**
     * No translations at all: every locale shows the English messages.
     *
     * @return the empty translations
     */
    static Translations none() {
        return new Translations() {
            @Override
            public boolean hasLocale(String code) {
                return false;
            }

            @Override
            public String translate(String code, String message, String pluralMessage, int count) {
                return null;
            }
        };
    }

    /**
     * These translations first, then {@code other}'s for what these lack. Any thread.
     *
     * @param other the fallback
     * @return the combined translations
     */
    default Translations orElse(Translations other) {
        Translations first = this;
        return new Translations() {
            @Override
            public boolean hasLocale(String code) {
                return first.hasLocale(code) || other.hasLocale(code);
            }

            @Override
            public String translate(String code, String message, String pluralMessage, int count) {
                String translated = first.translate(code, message, pluralMessage, count);
                return translated != null ? translated : other.translate(code, message, pluralMessage, count);
            }
        };
    }
}
