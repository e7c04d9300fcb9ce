package dev.cairn.server.admission;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes HTTP/1.1 connections whose request line and headers take longer than a deadline to
 * arrive (slow-loris defence). Jetty's idle timeout only notices silence, so a client sending a
 * header byte every few seconds would otherwise hold a connection for ever; Jetty 12 has no
 * header-read timeout of its own. Add it to the connector as a bean: it starts and stops with it.
 *
 * <p>Every {@code period} it looks at the connector's connections. A connection counts from the
 * first sweep that sees it either opened without a byte of its first request, or part-way through
 * a request line or header block; if the same request is still incomplete after the deadline, the
 * connection is closed without an answer. Between requests on a kept-alive connection the idle
 * timeout rules instead. The parser state is read from the sweeper thread without
 * synchronization: a stale read only delays a close by one sweep.
 */
public final class HeaderDeadline extends AbstractLifeCycle {
    private static final Logger LOG = LoggerFactory.getLogger(HeaderDeadline.class);

    private final AbstractConnector connector;
    private final long deadlineNanos;
    private final long periodMillis;
    /** Only the sweeper thread touches it. */
    private final Map<EndPoint, Mark> marks = new HashMap<>();
    private volatile Scheduler.Task next;

    /** When a connection was first seen waiting for request {@code messagesIn}. */
    private record Mark(long messagesIn, long sinceNanos) {
    }

    /**
     * @param deadline longest time a request line and its headers may take, above zero
     * @throws IllegalArgumentException for a deadline of zero or less
     */
    public HeaderDeadline(AbstractConnector connector, Duration deadline) {
        if (deadline.isZero() || deadline.isNegative()) {
            throw new IllegalArgumentException("header deadline must be above zero");
        }
        this.connector = connector;
        this.deadlineNanos = deadline.toNanos();
        // closes happen between the deadline and a quarter of it later
        this.periodMillis = Math.max(50, Math.min(1000, deadline.toMillis() / 4));
    }

    @Override
    protected void doStart() {
        schedule();
    }

    @Override
    protected void doStop() {
        Scheduler.Task task = next;
        if (task != null) {
            task.cancel();
        }
    }

    private void schedule() {
        if (isRunning() || isStarting()) {
            next = connector.getScheduler().schedule(this::sweep, periodMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            Map<EndPoint, Mark> seen = new HashMap<>();
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                Connection connection = endPoint.getConnection();
                if (!(connection instanceof HttpConnection http) || !awaitingHeaders(http)) {
                    continue;
                }
                Mark mark = marks.get(endPoint);
                if (mark == null || mark.messagesIn() != http.getMessagesIn()) {
                    mark = new Mark(http.getMessagesIn(), now);
                }
                if (now - mark.sinceNanos() > deadlineNanos) {
                    LOG.debug("closing {}: request headers incomplete after the deadline", endPoint.getRemoteSocketAddress());
                    endPoint.close(new TimeoutException("request headers not received in time"));
                } else {
                    seen.put(endPoint, mark);
                }
            }
            marks.clear();
            marks.putAll(seen);
        } catch (RuntimeException e) {
            LOG.warn("header deadline sweep failed", e);
        } finally {
            schedule();
        }
    }

    private static boolean awaitingHeaders(HttpConnection http) {
        HttpParser parser = http.getParser();
        if (parser.isStart()) {
            // nothing of a request yet: only a new connection is waiting for one (a kept-alive one is idle)
            return http.getMessagesIn() == 0;
        }
        return parser.inHeaderState();
    }
}
