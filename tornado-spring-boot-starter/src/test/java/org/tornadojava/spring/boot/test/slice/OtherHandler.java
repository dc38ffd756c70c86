package org.tornadojava.spring.boot.test.slice;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.RequestHandler;

/** {@code GET /other}: a second handler, left out of a slice that names only {@link StoryHandler}. */
@Handler("/other")
public class OtherHandler extends RequestHandler {
    public void get() {
        write("other");
    }
}
