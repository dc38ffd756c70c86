package org.tornadojava.demo.api;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.InvalidArgumentError;
import org.tornadojava.web.RequestHandler;

import java.util.Map;

/**
 * Typed input on a small JSON API. {@code POST /api/stories} binds the body to a {@link NewStory}, validates it
 * (400 listing the violations in {@code tornado.errors.format}) and answers 201 with the stored {@link Story}.
 * {@code GET /api/stories?limit=N&order=oldest} answers {@code {"stories":[...]}} with typed query arguments:
 * {@code limit} an int from 1 to 100 (default 10), {@code order} {@code newest} or {@code oldest}; a malformed
 * one is a 400 naming it.
 */
@Handler("/api/stories")
class StoriesHandler extends RequestHandler {
    private static final int MAX_LIMIT = 100;

    private final StoryShelf shelf;

    StoriesHandler(StoryShelf shelf) {
        this.shelf = shelf;
    }

    public void get() {
        int limit = getIntArgument("limit", 10);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidArgumentError("limit");
        }
        StoryOrder order = getEnumArgument("order", StoryOrder.class, StoryOrder.NEWEST);
        write(Map.of("stories", shelf.list(limit, order)));
    }

    public void post() {
        NewStory story = getJsonBody(NewStory.class, true);
        setStatus(201);
        write(shelf.add(story));
    }
}
