package org.tornadojava.locale;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The locales an application offers, Tornado's module-level {@code tornado.locale} state: the default locale
 * ({@code set_default_locale}, {@code en_US} unless configured), the translations ({@code load_translations}), and
 * the choice of a user's locale ({@code Locale.get_closest}, {@code get_browser_locale}). Thread-safe.
 *
 * <pre>{@code
 * Locales locales = new Locales("en_US", CsvTranslations.load(Path.of("translations")));
 * Application.builder().locales(locales)
 * }</pre>
 */
public final class Locales {
    /** The default locale unless configured ({@code tornado.locale.default}). */
    public static final String DEFAULT_CODE = "en_US";

    private final String defaultCode;
    private final Translations translations;
    private final Clock clock;

    /**
     * Locales with a default and translations, dates relative to the system clock.
     *
     * @param defaultCode the locale of users whose languages are not supported, e.g. {@code en_US}
     * @param translations the translated messages
     */
    public Locales(String defaultCode, Translations translations) {
        this(defaultCode, translations, Clock.systemUTC());
    }

    /**
     * Locales with a default, translations and the clock {@code formatDate} measures "ago" with (for tests).
     *
     * @param defaultCode the default locale code
     * @param translations the translated messages
     * @param clock the clock
     */
    public Locales(String defaultCode, Translations translations, Clock clock) {
        this.defaultCode = Objects.requireNonNull(defaultCode, "defaultCode");
        this.translations = Objects.requireNonNull(translations, "translations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * English ({@code en_US}) only, without translations.
     *
     * @return the default locales
     */
    public static Locales defaults() {
        return new Locales(DEFAULT_CODE, Translations.none());
    }

    /**
     * The default locale. Any thread.
     *
     * @return the locale
     */
    public UserLocale defaultLocale() {
        return locale(defaultCode);
    }

    /**
     * Whether a locale can be chosen: it is the default, or translations exist for it. Any thread.
     *
     * @param code the locale code, e.g. {@code pt_BR}
     * @return true when supported
     */
    public boolean isSupported(String code) {
        return code.equals(defaultCode) || translations.hasLocale(code);
    }

    /**
     * The first supported locale among the codes, Tornado's {@code Locale.get_closest}: each code ({@code pt-br}
     * is read as {@code pt_BR}) is tried as is, then by its language alone ({@code pt}); the default when none is
     * supported. Any thread.
     *
     * @param codes locale codes in order of preference
     * @return the locale
     */
    public UserLocale getClosest(List<String> codes) {
        for (String raw : codes) {
            if (raw == null || raw.isEmpty()) {
                continue;
            }
            String[] parts = raw.replace('-', '_').split("_", -1);
            if (parts.length > 2) {
                continue;
            }
            String code = parts.length == 2 ? parts[0].toLowerCase() + "_" + parts[1].toUpperCase() : raw;
            if (isSupported(code)) {
                return locale(code);
            }
            String language = parts[0].toLowerCase();
            if (isSupported(language)) {
                return locale(language);
            }
        }
        return defaultLocale();
    }

    /**
     * The closest supported locale to one code, Tornado's {@code locale.get(code)}. Any thread.
     *
     * @param code a locale code
     * @return the locale, or the default
     */
    public UserLocale get(String code) {
        return getClosest(List.of(code));
    }

    /**
     * The locale a browser asks for, Tornado's {@code get_browser_locale}: the languages of an
     * {@code Accept-Language} header by decreasing {@code q} (a missing {@code q} is 1, a bad or zero one drops the
     * language), then {@link #getClosest}. Any thread.
     *
     * @param acceptLanguage the header's value, or null
     * @return the locale; the default without a header or a supported language
     */
    public UserLocale fromAcceptLanguage(String acceptLanguage) {
        if (acceptLanguage == null) {
            return defaultLocale();
        }
        List<Map.Entry<String, Double>> weighted = new ArrayList<>();
        for (String language : acceptLanguage.split(",")) {
            String[] parts = language.strip().split(";");
            double score = 1.0;
            if (parts.length > 1 && parts[1].strip().startsWith("q=")) {
                score = quality(parts[1].strip().substring(2));
            }
            if (score > 0) {
                weighted.add(Map.entry(parts[0].strip(), score));
            }
        }
        weighted.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
        return getClosest(weighted.stream().map(Map.Entry::getKey).toList());
    }

    private static double quality(String value) {
        try {
            double score = Double.parseDouble(value);
            return score < 0 || Double.isNaN(score) ? 0 : score;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private UserLocale locale(String code) {
        return new UserLocale(code, translations, clock);
    }
}
