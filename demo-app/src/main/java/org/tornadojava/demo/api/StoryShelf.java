package org.tornadojava.demo.api;

import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The last {@value #CAPACITY} stories posted to {@code /api/stories}, in memory. Thread-safe: handlers on every
 * IOLoop share it (each call holds the lock for a few list operations, never for I/O).
 */
@Component
public class StoryShelf {
    static final int CAPACITY = 100;

    private final Deque<Story> stories = new ArrayDeque<>();
    private long lastId;

    /**
     * Stores a story under the next number, dropping the oldest beyond {@value #CAPACITY}. Any thread.
     *
     * @param story the validated story
     * @return it, with its number
     */
    public synchronized Story add(NewStory story) {
        Story stored = new Story(++lastId, story.title(), story.text(), story.priority());
        stories.addLast(stored);
        if (stories.size() > CAPACITY) {
            stories.removeFirst();
        }
        return stored;
    }

    /**
     * Up to {@code limit} stories, newest or oldest first. Any thread.
     *
     * @param limit how many at most
     * @param order which end to start from
     * @return a new list
     */
    public synchronized List<Story> list(int limit, StoryOrder order) {
        List<Story> page = new ArrayList<>(Math.min(limit, stories.size()));
        Iterator<Story> it = order == StoryOrder.NEWEST ? stories.descendingIterator() : stories.iterator();
        while (it.hasNext() && page.size() < limit) {
            page.add(it.next());
        }
        return page;
    }
}
