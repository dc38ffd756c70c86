package org.tornadojava.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Records the log events of some loggers (and their children) while open, for assertions on what was logged,
 * without changing the output. Where a test only needs "this line came, and keep it quiet", use
 * {@link ExpectLog}. Needs Logback as the SLF4J binding.
 *
 * <pre>{@code
 * try (LogCapture logs = LogCapture.of("tornado.application")) {
 *     server.fetch("/boom");
 *     assertThat(logs.messagesAtLeast(Level.ERROR)).hasSize(1);
 * }
 * }</pre>
 *
 * <p>Thread-safe: events from any thread are recorded.
 */
public final class LogCapture implements AutoCloseable {
    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    private final List<Logger> loggers = new ArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            events.add(event);
        }
    };

    private LogCapture(String... names) {
        appender.start();
        for (String name : names) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logger.addAppender(appender);
            loggers.add(logger);
        }
    }

    /**
     * Starts capturing the named loggers and their children. Any thread.
     *
     * @param loggerNames e.g. {@code tornado.access}
     * @return the open capture; close it when done
     * @throws ClassCastException when SLF4J is not bound to Logback
     */
    public static LogCapture of(String... loggerNames) {
        return new LogCapture(loggerNames);
    }

    /**
     * Every event so far. Any thread.
     *
     * @return the events, oldest first
     */
    public List<ILoggingEvent> events() {
        return List.copyOf(events);
    }

    /**
     * Removes the events seen so far and returns them, so a later call returns only newer ones. Any thread.
     *
     * @return the removed events, oldest first
     */
    public List<ILoggingEvent> drain() {
        List<ILoggingEvent> taken = List.copyOf(events);
        events.removeAll(taken);
        return taken;
    }

    /**
     * Formatted messages of the events at or above a level. Any thread.
     *
     * @param level the lowest level
     * @return the messages, oldest first
     */
    public List<String> messagesAtLeast(Level level) {
        return events.stream().filter(e -> e.getLevel().isGreaterOrEqual(level))
                .map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
    }

    /**
     * Formatted messages of one logger. Any thread.
     *
     * @param loggerName the exact logger name
     * @return the messages, oldest first
     */
    public List<String> messagesOf(String loggerName) {
        return events.stream().filter(e -> e.getLoggerName().equals(loggerName))
                .map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
    }

    /**
     * Waits until an event matches, polling with a deadline. Not on an IOLoop (it blocks).
     *
     * @param condition what the event must satisfy
     * @param timeout the longest wait
     * @return the first matching event
     * @throws AssertionError when none matched in time (the message lists what was logged)
     */
    public ILoggingEvent await(Predicate<ILoggingEvent> condition, Duration timeout) {
        ILoggingEvent[] found = new ILoggingEvent[1];
        Await.until(() -> {
            found[0] = events.stream().filter(condition).findFirst().orElse(null);
            return found[0] != null;
        }, timeout, () -> "no matching log event; got " + events.stream()
                .map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage())
                .collect(Collectors.toList()));
        return found[0];
    }

    /**
     * Waits up to {@link AsyncTestTimeout#get()} for an event of the logger whose message contains the text. Not
     * on an IOLoop.
     *
     * @param loggerName the exact logger name
     * @param contains text the formatted message contains
     * @return the first matching event
     * @throws AssertionError when none matched in time
     */
    public ILoggingEvent await(String loggerName, String contains) {
        return await(e -> e.getLoggerName().equals(loggerName) && e.getFormattedMessage().contains(contains),
                AsyncTestTimeout.get());
    }

    /** Stops capturing. Any thread. */
    @Override
    public void close() {
        for (Logger logger : loggers) {
            logger.detachAppender(appender);
        }
        appender.stop();
    }

    /**
     * Shortcut for Logback's level type in assertions. Any thread.
     *
     * @param name e.g. {@code WARN}
     * @return the level
     */
    public static Level level(String name) {
        return Level.toLevel(name);
    }
}
