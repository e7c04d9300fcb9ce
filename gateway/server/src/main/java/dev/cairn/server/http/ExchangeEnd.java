package dev.cairn.server.http;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Runs a listener exactly once when an exchange ends: its callback completed, a response write
 * failed, or its connection closed. The last two matter because when writing a response fails
 * (a client reset mid-response), Jersey's Jetty container logs the error and never completes the
 * Jetty callback; such an exchange would otherwise count as in flight forever and hold up a
 * graceful shutdown for the whole shutdown timeout. So when a failed write or a closed
 * connection ends the exchange, this class also fails the callback it was given, on Jersey's
 * behalf; a completion arriving later from inside is swallowed, so the given callback is
 * completed at most once.
 *
 * <p>The price: a handler still running after its client vanished no longer counts as in
 * flight, and a graceful shutdown does not wait for it.
 */
public final class ExchangeEnd {
    /** How an exchange ended; the first of these to happen is the one reported. */
    public enum How {
        /** The callback succeeded. */
        SUCCEEDED,
        /** The callback failed. */
        FAILED,
        /** Writing the response failed (the client went away). */
        WRITE_FAILED,
        /** The connection closed before the callback completed. */
        CONNECTION_CLOSED,
        /** The next handler declined the request; Jetty answers it. */
        NOT_HANDLED,
        /** The next handler threw; Jetty answers it and fails the callback itself. */
        THREW
    }

    /** Told once how an exchange ended. It runs on a Jetty thread and must not block. */
    @FunctionalInterface
    public interface Listener {
        /** Called once, before the callback given to {@link #handle} is completed. */
        void ended(How how);
    }

    private final AtomicBoolean ended = new AtomicBoolean();
    private final Callback callback;
    private final Connection connection;
    private final Listener listener;
    private final Connection.Listener onClose = new Connection.Listener() {
        @Override
        public void onClosed(Connection closed) {
            endAndFail(How.CONNECTION_CLOSED, new EofException("connection closed before the response completed"));
        }
    };

    private ExchangeEnd(Callback callback, Connection connection, Listener listener) {
        this.callback = callback;
        this.connection = connection;
        this.listener = listener;
    }

    /**
     * Passes the exchange to {@code next} and tells {@code listener} once when it ends, however it
     * ends (see {@link How}).
     *
     * @param next the handler to run; null counts as not handled
     * @return whether {@code next} handled the request
     * @throws Exception whatever {@code next} throws, after the listener heard {@link How#THREW}
     */
    public static boolean handle(Handler next, Request request, Response response, Callback callback, Listener listener)
            throws Exception {
        ExchangeEnd end = new ExchangeEnd(callback, request.getConnectionMetaData().getConnection(), listener);
        end.connection.addEventListener(end.onClose);
        boolean handled;
        try {
            handled = next != null && next.handle(request, end.new WatchedResponse(request, response), end.new EndingCallback());
        } catch (Throwable t) {
            // Jetty fails the original callback itself
            end.end(How.THREW);
            throw t;
        }
        if (!handled) {
            end.end(How.NOT_HANDLED);
        }
        return handled;
    }

    /** Tells the listener, the first time only; returns whether this call was the first. */
    private boolean end(How how) {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        connection.removeEventListener(onClose);
        listener.ended(how);
        return true;
    }

    private void endAndFail(How how, Throwable cause) {
        if (end(how)) {
            callback.failed(cause);
        }
    }

    /** The callback handed down: completes the given one unless a failed write or a close came first. */
    private final class EndingCallback implements Callback {
        @Override
        public void succeeded() {
            if (end(How.SUCCEEDED)) {
                callback.succeeded();
            }
        }

        @Override
        public void failed(Throwable x) {
            endAndFail(How.FAILED, x);
        }

        @Override
        public InvocationType getInvocationType() {
            return callback.getInvocationType();
        }
    }

    /** Passes writes on and ends the exchange as soon as one fails. */
    private final class WatchedResponse extends Response.Wrapper {
        WatchedResponse(Request request, Response wrapped) {
            super(request, wrapped);
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback written) {
            super.write(last, content, new Callback.Nested(written) {
                @Override
                public void failed(Throwable x) {
                    endAndFail(How.WRITE_FAILED, x);
                    super.failed(x);
                }
            });
        }
    }
}
