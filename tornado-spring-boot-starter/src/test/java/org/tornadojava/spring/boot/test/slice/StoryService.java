package org.tornadojava.spring.boot.test.slice;

import org.springframework.stereotype.Service;

/** A dependency of {@link StoryHandler}, left out of the slice and replaced with a mock there. */
@Service
public class StoryService {
    /** The story's title; the real one would read a database. */
    public String title(int id) {
        return "the real story " + id;
    }
}
