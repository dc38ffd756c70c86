package org.tornadojava.demo.api;

/** The {@code order} argument of {@code GET /api/stories}: {@code newest} (the default) or {@code oldest} first. */
public enum StoryOrder {
    /** Most recent first. */
    NEWEST,
    /** First posted first. */
    OLDEST
}
