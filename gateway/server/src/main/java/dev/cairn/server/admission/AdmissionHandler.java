package dev.cairn.server.admission;

import dev.cairn.server.http.DirectErrors;
import dev.cairn.server.http.ExchangeEnd;
import dev.cairn.server.observe.RequestIds;
import dev.cairn.server.observe.Route;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Admits or refuses each S3 and OAP request before Jersey sees it. Probes and {@code /metrics}
 * always pass. A refused S3 request gets {@code 503 SlowDown}, a refused OAP request
 * {@code 429} problem+json, both with {@code Retry-After: 1}; the refusal is counted in
 * {@code rejected_total{reason}} and touches no backend. An admitted request holds its slot until
 * its exchange ends (see {@link ExchangeEnd}: completed, failed, a failed write or a closed
 * connection), and then releases it exactly once.
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
        return ExchangeEnd.handle(getHandler(), request, response, callback, how -> {
            controller.release(kind);
            switch (how) {
                case SUCCEEDED -> errors.record(response.getStatus() >= 500);
                // usually the client went away; not evidence against the backend
                case FAILED -> errors.record(false);
                // a failed write or closed connection (the client left) and Jetty's own answers record nothing
                default -> {
                }
            }
        });
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
}
