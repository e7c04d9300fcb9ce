package dev.cairn.server.admission;

import dev.cairn.server.http.DirectErrors;
import dev.cairn.server.observe.RequestIds;
import dev.cairn.server.observe.Route;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Admits or refuses each S3 and OAP request before Jersey sees it. Probes and {@code /metrics}
 * always pass. A refused S3 request gets {@code 503 SlowDown}, a refused OAP request
 * {@code 429} problem+json, both with {@code Retry-After: 1}; the refusal is counted in
 * {@code rejected_total{reason}} and touches no backend. An admitted request holds its slot until
 * its response completes, fails or aborts, and then releases it exactly once.
 */
final class AdmissionHandler extends Handler.Wrapper {
    private static final String RETRY_AFTER = "1";

    private final AdmissionController controller;
    private final ErrorWindow errors;
    private final Counter[] rejected;

    AdmissionHandler(Handler next, AdmissionController controller, ErrorWindow errors, MeterRegistry registry) {
        super(next);
        this.controller = controller;
        this.errors = errors;
        Rejection[] reasons = Rejection.values();
        this.rejected = new Counter[reasons.length];
        for (Rejection r : reasons) {
            rejected[r.ordinal()] = Counter.builder("rejected").description("Requests refused by admission control")
                    .tag("reason", r.label()).register(registry);
        }
    }

    /** The budget a route draws on, or null for routes that are never shed. */
    static RequestClass classOf(Route route) {
        return switch (route) {
            case HEALTHZ, READYZ, METRICS -> null;
            case OAP_GET, OAP_HEAD, S3_GET, S3_HEAD -> RequestClass.READ;
            // OTHER (a fixed route with a method it does not serve) is cheap, but a flood of it is still a flood
            case OAP_PUT, S3_PUT, S3_POST, S3_DELETE, S3_OTHER, OTHER -> RequestClass.WRITE;
        };
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Route route = Route.classify(request.getMethod(), request.getHttpURI().getPath());
        RequestClass kind = classOf(route);
        if (kind == null) {
            return super.handle(request, response, callback);
        }
        Rejection refused = controller.tryAcquire(kind);
        if (refused != null) {
            rejected[refused.ordinal()].increment();
            refuse(route, request, response, callback);
            return true;
        }
        Admitted admitted = new Admitted(callback, kind, response, request.getConnectionMetaData().getConnection());
        boolean handled;
        try {
            handled = super.handle(request, new WatchedResponse(request, response, admitted), admitted);
        } catch (Throwable t) {
            // Jetty fails the original callback itself; ours would never hear of it
            admitted.release();
            throw t;
        }
        if (!handled) {
            admitted.release();
        }
        return handled;
    }

    private static void refuse(Route route, Request request, Response response, Callback callback) {
        String id = RequestIds.of(request);
        if (route.name().startsWith("S3_")) {
            DirectErrors.s3(response, callback, 503, "SlowDown", "Please reduce your request rate.", id, RETRY_AFTER);
        } else {
            DirectErrors.problem(response, callback, 429, "Too Many Requests", "the gateway is at its request limit; retry later",
                    id, RETRY_AFTER);
        }
    }

    /** Passes writes on, and releases the slot as soon as one fails: the exchange is then over. */
    private static final class WatchedResponse extends Response.Wrapper {
        private final Admitted admitted;

        WatchedResponse(Request request, Response wrapped, Admitted admitted) {
            super(request, wrapped);
            this.admitted = admitted;
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            super.write(last, content, new Callback.Nested(callback) {
                @Override
                public void failed(Throwable x) {
                    admitted.release();
                    super.failed(x);
                }
            });
        }
    }

    /**
     * Releases the slot when the exchange ends, however it ends, and records its outcome. Besides
     * the callback it watches the response's writes and the connection: when writing a response
     * fails, Jersey's Jetty container logs the error and never completes the callback, so a failed
     * write or a closed connection is the only sign such an exchange is over.
     */
    private final class Admitted extends Callback.Nested implements Connection.Listener {
        private final AtomicBoolean released = new AtomicBoolean();
        private final RequestClass kind;
        private final Response response;
        private final Connection connection;

        Admitted(Callback callback, RequestClass kind, Response response, Connection connection) {
            super(callback);
            this.kind = kind;
            this.response = response;
            this.connection = connection;
            connection.addEventListener(this);
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                connection.removeEventListener(this);
                controller.release(kind);
            }
        }

        @Override
        public void onClosed(Connection closed) {
            release();
        }

        @Override
        public void succeeded() {
            release();
            errors.record(response.getStatus() >= 500);
            super.succeeded();
        }

        @Override
        public void failed(Throwable x) {
            release();
            // usually the client went away; not evidence against the backend
            errors.record(false);
            super.failed(x);
        }
    }
}
