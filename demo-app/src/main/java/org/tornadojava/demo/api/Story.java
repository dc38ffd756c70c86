package org.tornadojava.demo.api;

/**
 * A story stored by {@code POST /api/stories}, as it is answered in JSON.
 *
 * @param id the number the shelf gave it, from 1 up
 * @param title the headline
 * @param text the story, or null
 * @param priority 1 to 5
 */
public record Story(long id, String title, String text, int priority) {
}
