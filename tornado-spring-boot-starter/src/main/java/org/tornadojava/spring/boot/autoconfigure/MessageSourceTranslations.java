package org.tornadojava.spring.boot.autoconfigure;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DelegatingMessageSource;
import org.tornadojava.locale.Translations;

import java.util.Locale;

/**
 * Translations from Spring's {@link MessageSource} (e.g. {@code messages_fr.properties}), the English message as
 * the key: {@code Sign\ in=Connexion}. A plural message is looked up by its plural form when {@code count != 1}.
 * Messages are returned as written (no {@code MessageFormat} arguments), so Tornado's {@code %(name)s}
 * placeholders and apostrophes survive. Any locale is accepted: a message missing for {@code fr_CH} is looked up
 * for {@code fr}, and the message source falls back to its own defaults ({@code messages.properties}). Thread-safe
 * as the message source is.
 */
final class MessageSourceTranslations implements Translations {
    private final MessageSource messages;

    MessageSourceTranslations(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * The message source's translations, unless it is the empty one Spring puts in every context.
     *
     * @param messages the context's {@code messageSource} bean, or null
     * @return the translations, or null when no message source is configured
     */
    static Translations ofConfigured(MessageSource messages) {
        if (messages == null || (messages instanceof DelegatingMessageSource
                && ((DelegatingMessageSource) messages).getParentMessageSource() == null)) {
            return null;
        }
        return new MessageSourceTranslations(messages);
    }

    @Override
    public boolean hasLocale(String code) {
        return true;
    }

    @Override
    public String translate(String code, String message, String pluralMessage, int count) {
        String key = pluralMessage != null && count != 1 ? pluralMessage : message;
        String translated = messages.getMessage(key, null, null, Locale.forLanguageTag(code.replace('_', '-')));
        int underscore = code.indexOf('_');
        if (translated == null && underscore > 0) {
            translated = messages.getMessage(key, null, null, Locale.forLanguageTag(code.substring(0, underscore)));
        }
        return translated;
    }
}
