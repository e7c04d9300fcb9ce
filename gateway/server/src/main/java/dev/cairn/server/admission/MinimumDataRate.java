package dev.cairn.server.admission;

import java.net.SocketTimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Fails a request body that arrives slower than a minimum average rate (slow-body defence). Jetty
 * 12 still has {@code HttpConfiguration.setMinRequestDataRate} but no longer enforces it, so this
 * handler does: whenever body bytes are read after the reader has spent more than a second waiting
 * for the client, and fewer than {@code rate × waited} have arrived, the read fails with a
 * {@link SocketTimeoutException}, which the protocol code answers as a client error (a truncated
 * body). Only the time a read found nothing to read counts: a body that arrived at once but is read
 * late (a cold gateway's first request, a busy machine) is the gateway's delay, not the client's.
 * Silence is left to the idle timeout; requests without a body pass untouched.
 */
public final class MinimumDataRate extends Handler.Wrapper {
    private static final long SECOND = 1_000_000_000L;

    private final long bytesPerSecond;

    /** @param bytesPerSecond slowest accepted average, above 0 */
    public MinimumDataRate(Handler handler, long bytesPerSecond) {
        super(handler);
        if (bytesPerSecond < 1) {
            throw new IllegalArgumentException("rate must be at least 1 byte per second");
        }
        this.bytesPerSecond = bytesPerSecond;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        boolean hasBody = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)
                || request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH) > 0;
        return super.handle(hasBody ? new Metered(request, bytesPerSecond) : request, response, callback);
    }

    private static final class Metered extends Request.Wrapper {
        private final long bytesPerSecond;
        private long bytes;
        /** Nanoseconds the reader spent waiting for the client's bytes. */
        private long waited;
        /** When the current wait began ({@code read()} found nothing), or 0 when not waiting. */
        private long waitingSince;

        Metered(Request wrapped, long bytesPerSecond) {
            super(wrapped);
            this.bytesPerSecond = bytesPerSecond;
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            long now = System.nanoTime();
            if (chunk == null) {
                if (waitingSince == 0) {
                    waitingSince = now;
                }
                return null;
            }
            if (waitingSince != 0) {
                waited += now - waitingSince;
                waitingSince = 0;
            }
            if (Content.Chunk.isFailure(chunk)) {
                return chunk;
            }
            bytes += chunk.remaining();
            if (!chunk.isLast() && waited > SECOND && bytes < bytesPerSecond * (double) waited / SECOND) {
                chunk.release();
                // an IOException, as when a client disconnects: the protocol code answers it as a bad body, not a crash
                return Content.Chunk.from(new SocketTimeoutException("request body slower than " + bytesPerSecond + " bytes/s"), true);
            }
            return chunk;
        }
    }
}
