package io.troupe.node;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Captures the node log (logger io.troupe.node.Node) during a test. */
final class LogCapture implements AutoCloseable {
    private final Logger logger = (Logger) LoggerFactory.getLogger(Node.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level previous;

    LogCapture() {
        previous = logger.getLevel();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
    }

    List<String> lines() {
        synchronized (appender.list) {
            return appender.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
        }
    }

    boolean contains(String... fragments) {
        return lines().stream().anyMatch(line -> {
            for (String fragment : fragments) {
                if (!line.contains(fragment)) return false;
            }
            return true;
        });
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
    }
}
