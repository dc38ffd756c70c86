package org.tornadojava.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Records log events of some loggers while open, for assertions on log lines. Thread-safe. */
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

    /** Starts capturing the named loggers (and their children). */
    public static LogCapture of(String... loggerNames) {
        return new LogCapture(loggerNames);
    }

    /** Every event so far. */
    public List<ILoggingEvent> events() {
        return List.copyOf(events);
    }

    /** Formatted messages of events at or above the level. */
    public List<String> messagesAtLeast(Level level) {
        return events.stream().filter(e -> e.getLevel().isGreaterOrEqual(level))
                .map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
    }

    /** Formatted messages of one logger. */
    public List<String> messagesOf(String loggerName) {
        return events.stream().filter(e -> e.getLoggerName().equals(loggerName))
                .map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
    }

    /** Waits until an event matches, polling with a deadline. */
    public ILoggingEvent await(Predicate<ILoggingEvent> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (ILoggingEvent event : events) {
                if (condition.test(event)) {
                    return event;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching log event within " + timeout + "; got " + events.stream()
                        .map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage())
                        .collect(Collectors.toList()));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** Waits for an event of the logger whose message contains the text. */
    public ILoggingEvent await(String loggerName, String contains) {
        return await(e -> e.getLoggerName().equals(loggerName) && e.getFormattedMessage().contains(contains),
                Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        for (Logger logger : loggers) {
            logger.detachAppender(appender);
        }
        appender.stop();
    }

    /** Shortcut for the level type in assertions. */
    public static Level level(String name) {
        return Level.toLevel(name);
    }
}
