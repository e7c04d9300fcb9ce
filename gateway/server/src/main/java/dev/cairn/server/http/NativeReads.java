package dev.cairn.server.http;

import dev.cairn.gateway.http.HttpCall;
import dev.cairn.gateway.http.HttpResult;
import dev.cairn.server.observe.RequestIds;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The Jetty-core edge for object reads ({@code http.native-reads}, docs/adr/0020): GET and HEAD
 * of OAP objects and of every S3 path go from Jetty's request straight to {@code OapApi} /
 * {@code S3Api} and from their {@link HttpResult} straight to Jetty's response, skipping
 * Jersey's per-request machinery, which cost about two thirds of a cached 64 KiB GET's CPU
 * (docs/profiling.md). The answers are the ones Jersey gives through {@link HttpBridge}: the same
 * raw path, query, header lines and request id in; the handler's status and headers, the exact
 * Content-Length, the body (as buffers when {@code directWrites} and the body allow) and nothing
 * for HEAD out. Everything else (writes, health, metrics, paths another resource claims) passes
 * to the wrapped handler unchanged.
 *
 * <p>It sits just before Jersey, under the request observer, so route labels, byte counts, the
 * access log, admission release and request ids are those of the Jersey path. A handler that
 * throws gets what {@link ThrowableMapper} gives: a logged 500 problem+json without a stack
 * trace; a body that fails after the head went out aborts the response, as through Jersey.
 */
public final class NativeReads extends Handler.Wrapper {
    /** First path segments of the fixed Jersey resources (health, metrics, OAP writes). */
    private static final Set<String> FIXED = Set.of("healthz", "readyz", "metrics", "put", "o");

    private final Function<HttpCall, HttpResult> oap;
    private final Function<HttpCall, HttpResult> s3;
    private final boolean directWrites;
    private final NativeRoute route;

    /**
     * @param jersey the handler for everything not served here
     * @param oap the OAP API's {@code handle}
     * @param s3 the S3 API's {@code handle}
     * @param directWrites whether bodies offering buffers are written as buffers ({@code http.direct-writes})
     * @param jerseyComponents further JAX-RS components registered with Jersey: the first segment
     *     of each one's class-level {@code @Path} stays with Jersey
     */
    public NativeReads(Handler jersey, Function<HttpCall, HttpResult> oap, Function<HttpCall, HttpResult> s3,
            boolean directWrites, List<?> jerseyComponents) {
        super(Objects.requireNonNull(jersey, "jersey"));
        this.oap = Objects.requireNonNull(oap, "oap");
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.directWrites = directWrites;
        Set<String> owned = new HashSet<>(FIXED);
        for (Object c : jerseyComponents) {
            Path p = (c instanceof Class<?> k ? k : c.getClass()).getAnnotation(Path.class);
            if (p != null) {
                owned.add(p.value().replaceAll("^/+", "").split("[/;]", 2)[0]);
            }
        }
        this.route = new NativeRoute(owned);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        Function<HttpCall, HttpResult> api = switch (route.of(method, request.getHttpURI().getPath())) {
            case OAP -> oap;
            case S3 -> s3;
            case JERSEY -> null;
        };
        if (api == null) {
            return super.handle(request, response, callback);
        }
        try {
            HttpResult result = api.apply(HttpBridge.call(request, method, () -> Content.Source.asInputStream(request)));
            JettyAnswer.write(result, method.equals("HEAD"), directWrites, response);
            callback.succeeded();
        } catch (Throwable t) {
            fail(request, response, callback, t);
        }
        return true;
    }

    private static void fail(Request request, Response response, Callback callback, Throwable t) {
        if (response.isCommitted()) {
            callback.failed(t); // the head went out: abort, so the client sees a short body, never a complete one
            return;
        }
        if (t instanceof IOException && !request.getConnectionMetaData().getConnection().getEndPoint().isOpen()) {
            callback.failed(t); // the client went away before anything was sent
            return;
        }
        String id = RequestIds.of(request);
        String detail = ThrowableMapper.internalDetail(request, id, t);
        // keep the observer's request-id headers; drop whatever the handler's answer had set
        String xRequestId = response.getHeaders().get("x-request-id");
        String xAmzRequestId = response.getHeaders().get("x-amz-request-id");
        response.reset();
        if (xRequestId != null) {
            response.getHeaders().put("x-request-id", xRequestId);
        }
        if (xAmzRequestId != null) {
            response.getHeaders().put("x-amz-request-id", xAmzRequestId);
        }
        try {
            JettyAnswer.fixed(response, 500, Problem.MEDIA_TYPE,
                    Problem.json(500, ThrowableMapper.INTERNAL, detail, null, id).getBytes(StandardCharsets.UTF_8));
            callback.succeeded();
        } catch (Throwable e) {
            t.addSuppressed(e);
            callback.failed(t);
        }
    }
}
