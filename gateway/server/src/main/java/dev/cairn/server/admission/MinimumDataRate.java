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
 * handler does: whenever body bytes are read, more than a second after the headers, and fewer than
 * {@code rate × elapsed} have arrived, the read fails with a {@link SocketTimeoutException}, which
 * the protocol code answers as a client error (a truncated body). Silence is left to the idle timeout; requests
 * without a body pass untouched.
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

        Metered(Request wrapped, long bytesPerSecond) {
            super(wrapped);
            this.bytesPerSecond = bytesPerSecond;
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            if (chunk == null || Content.Chunk.isFailure(chunk)) {
                return chunk;
            }
            bytes += chunk.remaining();
            long elapsed = System.nanoTime() - getHeadersNanoTime();
            if (!chunk.isLast() && elapsed > SECOND && bytes < bytesPerSecond * (double) elapsed / SECOND) {
                chunk.release();
                // an IOException, as when a client disconnects: the protocol code answers it as a bad body, not a crash
                return Content.Chunk.from(new SocketTimeoutException("request body slower than " + bytesPerSecond + " bytes/s"), true);
            }
            return chunk;
        }
    }
}
