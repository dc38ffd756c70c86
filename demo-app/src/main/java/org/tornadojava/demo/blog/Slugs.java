package org.tornadojava.demo.blog;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a title into the URL name of its entry, as Tornado's blog demo does: accents dropped (NFKD, then ASCII
 * only), runs of anything but letters and digits become one {@code -}, lower case, {@code entry} when nothing is
 * left. A taken slug gets {@code -2}, {@code -3}, ... Stateless; any thread.
 */
final class Slugs {
    /** Longest slug stored (the column is 100 wide; room is left for a {@code -N} suffix). */
    static final int MAX_LENGTH = 90;

    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /**
     * The slug of a title.
     *
     * @param title any text
     * @return e.g. {@code hello-world} for {@code "Héllo, World!"}; never empty
     */
    static String of(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("[^\\p{ASCII}]", "");
        String slug = NOT_WORD.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimDashes(slug.length() > MAX_LENGTH ? slug.substring(0, MAX_LENGTH) : slug);
        return slug.isEmpty() ? "entry" : slug;
    }

    /**
     * The slug to try when {@code slug} is taken for the {@code attempt}-th time.
     *
     * @param slug the wanted slug
     * @param attempt 1 for the first try
     * @return {@code slug} for attempt 1, else {@code slug-<attempt>}
     */
    static String candidate(String slug, int attempt) {
        return attempt == 1 ? slug : slug + "-" + attempt;
    }

    private static String trimDashes(String slug) {
        int start = 0;
        int end = slug.length();
        while (start < end && slug.charAt(start) == '-') {
            start++;
        }
        while (end > start && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(start, end);
    }
}
