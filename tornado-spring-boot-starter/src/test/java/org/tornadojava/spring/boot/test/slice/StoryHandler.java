package org.tornadojava.spring.boot.test.slice;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.RequestHandler;

/** {@code GET /story/N}: the title of story N from the {@link StoryService}. */
@Handler("/story/([0-9]+)")
public class StoryHandler extends RequestHandler {
    private final StoryService stories;

    public StoryHandler(StoryService stories) {
        this.stories = stories;
    }

    public void get(String id) {
        write("Story " + id + ": " + stories.title(Integer.parseInt(id)));
    }
}
