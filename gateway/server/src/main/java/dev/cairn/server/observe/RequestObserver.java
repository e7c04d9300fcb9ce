package dev.cairn.server.observe;

import dev.cairn.server.http.ExchangeEnd;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps the application handler: assigns each request an id (attribute {@link RequestIds#ATTRIBUTE},
 * response headers {@code x-request-id} and {@code x-amz-request-id}), tracks in-flight requests,
 * counts body bytes both ways, and on completion records the metrics and writes one line to the
 * {@code cairn.access} logger. The line never holds the query string (it may carry a presigned
 * signature) nor any header.
 */
public final class RequestObserver extends Handler.Wrapper {
    private static final Logger ACCESS = LoggerFactory.getLogger("cairn.access");

    private final HttpMetrics metrics;
    private final boolean accessLog;

    public RequestObserver(Handler handler, MeterRegistry registry, boolean accessLog) {
        super(handler);
        this.metrics = new HttpMetrics(registry);
        this.accessLog = accessLog;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Exchange exchange = new Exchange(request, response, Route.classify(request.getMethod(), request.getHttpURI().getPath()));
        request.setAttribute(RequestIds.ATTRIBUTE, exchange.id);
        response.getHeaders().put("x-request-id", exchange.id);
        response.getHeaders().put("x-amz-request-id", exchange.id);
        metrics.started();
        return ExchangeEnd.handle(getHandler(), new CountingRequest(request, exchange), new CountingResponse(request, response, exchange),
                callback, exchange::ended);
    }

    /** Per-request state. */
    private final class Exchange {
        final String id = RequestIds.next();
        final long startNanos = System.nanoTime();
        final Request request;
        final Response response;
        final Route route;
        final AtomicLong bytesIn = new AtomicLong();
        final AtomicLong bytesOut = new AtomicLong();

        Exchange(Request request, Response response, Route route) {
            this.request = request;
            this.response = response;
            this.route = route;
        }

        /** Records the request; {@link ExchangeEnd} calls it once, whichever way the request ends. */
        private void complete(int status) {
            long nanos = System.nanoTime() - startNanos;
            metrics.completed(route, status, bytesIn.get(), bytesOut.get(), nanos);
            if (accessLog && ACCESS.isInfoEnabled()) {
                ACCESS.info("id={} method={} route={} status={} in={} out={} ms={}", id, request.getMethod(), route.label(), status,
                        bytesIn.get(), bytesOut.get(), String.format("%.1f", nanos / 1e6));
            }
        }

        void ended(ExchangeEnd.How how) {
            complete(switch (how) {
                case SUCCEEDED -> statusOnSuccess();
                case FAILED -> statusOnFailure();
                // the client went away: not the gateway's error, so no 5xx to burn the error budget
                // or turn /readyz (its error window counts 5xx); 499 as nginx logs it
                case WRITE_FAILED, CONNECTION_CLOSED -> response.isCommitted() ? statusOnSuccess() : CLIENT_CLOSED_REQUEST;
                case NOT_HANDLED -> 404;
                // Jetty answers the request with its 500 error page
                case THREW -> 500;
            });
        }

        /** Not an HTTP status anyone receives: the label of a request whose client left before the answer. */
        static final int CLIENT_CLOSED_REQUEST = 499;

        int statusOnSuccess() {
            int status = response.getStatus();
            return status == 0 ? 200 : status;
        }

        int statusOnFailure() {
            // an uncommitted failure becomes Jetty's 500 error page; a committed one keeps the status sent
            return response.isCommitted() ? statusOnSuccess() : 500;
        }
    }

    private static final class CountingRequest extends Request.Wrapper {
        private final Exchange exchange;

        CountingRequest(Request wrapped, Exchange exchange) {
            super(wrapped);
            this.exchange = exchange;
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            if (chunk != null && chunk.hasRemaining()) {
                exchange.bytesIn.addAndGet(chunk.remaining());
            }
            return chunk;
        }
    }

    private static final class CountingResponse extends Response.Wrapper {
        private final Exchange exchange;

        CountingResponse(Request request, Response wrapped, Exchange exchange) {
            super(request, wrapped);
            this.exchange = exchange;
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            if (content != null) {
                exchange.bytesOut.addAndGet(content.remaining());
            }
            super.write(last, content, callback);
        }
    }
}
