package org.tornadojava.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Asserts that a log line is emitted and keeps it out of the output, Tornado's {@code ExpectLog}: while open,
 * lines of the logger (or its children) whose formatted message matches the regular expression (a
 * {@link java.util.regex.Matcher#find()}) are counted and dropped; {@link #close()} fails when none came. As the
 * server logs on its IOLoop, sometimes just after the client got the response (the access log), {@code close()}
 * gives a required line that has not come yet a fifth of {@link AsyncTestTimeout#get()} (one second by default)
 * to arrive. Other lines pass through untouched. Lines below the logger's effective level are never emitted, so
 * they never match.
 * Needs Logback as the SLF4J binding.
 *
 * <pre>{@code
 * try (ExpectLog expected = new ExpectLog("tornado.access", "404 GET /missing")) {
 *     assertThat(server.fetch("/missing").code()).isEqualTo(404);
 * }
 * }</pre>
 *
 * <p>Thread-safe: lines logged on any thread (IOLoops included) are seen. Open and close it on the test thread.
 */
public final class ExpectLog implements AutoCloseable {
    private final String loggerName;
    private final Pattern regex;
    private final Level level;
    private final boolean required;
    private final List<String> matched = new CopyOnWriteArrayList<>();
    private final LoggerContext loggerContext;
    private final Matching filter = new Matching();

    /**
     * Starts expecting a line of the logger, at any level.
     *
     * @param loggerName e.g. {@code tornado.access}; children such as {@code tornado.access.x} match too
     * @param regex searched in each formatted message
     * @throws IllegalStateException when SLF4J is not bound to Logback
     */
    public ExpectLog(String loggerName, String regex) {
        this(loggerName, regex, null, true);
    }

    /**
     * Starts watching the logger, with a level and whether the line is required.
     *
     * @param loggerName e.g. {@code tornado.application}
     * @param regex searched in each formatted message
     * @param level only lines at exactly this level match; null for any level
     * @param required false to only suppress matching lines, without failing when none came (Tornado's
     *                 {@code required=False})
     * @throws IllegalStateException when SLF4J is not bound to Logback
     */
    public ExpectLog(String loggerName, String regex, org.slf4j.event.Level level, boolean required) {
        this.loggerName = loggerName;
        this.regex = Pattern.compile(regex);
        this.level = level == null ? null : Level.convertAnSLF4JLevel(level);
        this.required = required;
        this.loggerContext = logback();
        filter.start();
        loggerContext.addTurboFilter(filter);
    }

    /**
     * Tells whether a matching line was logged so far. Any thread.
     *
     * @return true once a line matched
     */
    public boolean logged() {
        return !matched.isEmpty();
    }

    /**
     * The matching lines so far, formatted. Any thread.
     *
     * @return the messages, oldest first
     */
    public List<String> matches() {
        return List.copyOf(matched);
    }

    /**
     * Stops suppressing lines; fails when the line was required and never came. Not on an IOLoop (it may wait).
     *
     * @throws AssertionError when no matching line was logged and the line was required
     */
    @Override
    public void close() {
        try {
            if (required) {
                Await.until(this::logged, AsyncTestTimeout.get().dividedBy(5), () -> "did not get expected log "
                        + "message: logger " + loggerName + (level == null ? "" : " at " + level)
                        + ", message matching /" + regex + "/,");
            }
        } finally {
            loggerContext.getTurboFilterList().remove(filter);
            filter.stop();
        }
    }

    private static LoggerContext logback() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            throw new IllegalStateException("ExpectLog needs Logback behind SLF4J, found "
                    + factory.getClass().getName());
        }
        return context;
    }

    /** Decides for each logging call before appenders see it: a matching line is counted and denied. */
    private final class Matching extends TurboFilter {
        @Override
        public FilterReply decide(Marker marker, Logger logger, Level eventLevel, String format, Object[] params,
                Throwable t) {
            if (format == null || !isWatched(logger.getName()) || !eventLevel.isGreaterOrEqual(
                    logger.getEffectiveLevel()) || (level != null && !level.equals(eventLevel))) {
                return FilterReply.NEUTRAL;
            }
            String message = MessageFormatter.arrayFormat(format, params).getMessage();
            if (!regex.matcher(message).find()) {
                return FilterReply.NEUTRAL;
            }
            matched.add(message);
            return FilterReply.DENY;
        }

        private boolean isWatched(String name) {
            return name.equals(loggerName) || (name.startsWith(loggerName) && name.length() > loggerName.length()
                    && name.charAt(loggerName.length()) == '.');
        }
    }
}
