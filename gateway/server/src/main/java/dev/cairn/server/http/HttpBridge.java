package dev.cairn.server.http;

import dev.cairn.gateway.http.Headers;
import dev.cairn.gateway.http.HttpCall;
import dev.cairn.gateway.http.HttpResult;
import dev.cairn.gateway.http.ResponseBody;
import dev.cairn.server.observe.RequestIds;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.glassfish.jersey.server.CloseableService;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * The one adapter between Jersey/Jetty and the framework-free protocol layer, shared by the OAP
 * and S3 resources. Requests go in raw: the path and query exactly as sent (never Jersey's
 * decoded forms), the header lines as Jetty received them (SigV4 signs them), a body opened only
 * when a handler reads it, and the request id the observer assigned. Responses come out as the
 * handler wrote them: its headers only (no Content-Type invented by Jersey), the exact
 * Content-Length, and a streamed body that is closed even if never written.
 */
public final class HttpBridge {
    private static final String CONTENT_LENGTH = "Content-Length";
    private static final String CONTENT_TYPE = "Content-Type";

    private HttpBridge() {
    }

    /** The request as the protocol layer sees it. */
    public static HttpCall call(Request jetty, ContainerRequestContext ctx) {
        return call(jetty, ctx.getMethod(), ctx::getEntityStream);
    }

    /**
     * The request as the protocol layer sees it, straight from Jetty ({@link NativeReads}): the
     * same raw path, query, header lines and request id as through Jersey, the body opened by
     * {@code body} only when the handler reads it.
     */
    static HttpCall call(Request jetty, String method, Supplier<InputStream> body) {
        HttpURI uri = jetty.getHttpURI();
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (HttpField f : jetty.getHeaders()) {
            fields.computeIfAbsent(f.getName(), k -> new ArrayList<>()).add(f.getValue());
        }
        return new HttpCall(method, path, uri.getQuery(), Headers.of(fields), body,
                Math.max(HttpCall.UNKNOWN_LENGTH, jetty.getLength()), RequestIds.of(jetty));
    }

    /**
     * Name of the Jersey configuration property (a Boolean) that lets {@link #render} write
     * bodies that offer buffers straight to Jetty ({@code http.direct-writes}, docs/adr/0019).
     */
    public static final String DIRECT_WRITES = "cairn.http.direct-writes";

    /** The handler's answer as a JAX-RS response, its body always through Jersey's entity stream. */
    public static Response render(HttpResult result, ContainerRequestContext ctx, CloseableService closer) {
        return render(result, ctx, closer, null);
    }

    /**
     * The handler's answer as a JAX-RS response. When {@link #DIRECT_WRITES} is on and
     * {@code jetty} (the Jetty response of this exchange, as Jersey's container received it) is
     * given, a body of known length that offers buffers is written straight to it.
     */
    public static Response render(HttpResult result, ContainerRequestContext ctx, CloseableService closer,
            org.eclipse.jetty.server.Response jetty) {
        Response.ResponseBuilder b = Response.status(result.status());
        for (Map.Entry<String, String> h : result.headers()) {
            b.header(h.getKey(), h.getValue());
        }
        ResponseBody body = result.body();
        if (body != null) {
            // closed at the end of the request whether or not Jersey ever writes the entity
            closer.add(body);
            if (result.header(CONTENT_LENGTH) == null && body.length() != ResponseBody.UNKNOWN_LENGTH) {
                b.header(CONTENT_LENGTH, Long.toString(body.length()));
            }
            if (result.header(CONTENT_TYPE) == null) {
                RawContentType.suppress(ctx);
            }
            b.entity(direct(ctx, jetty, body) ? new DirectBody(body, jetty) : (StreamingOutput) body::writeTo);
        }
        return b.build();
    }

    private static boolean direct(ContainerRequestContext ctx, org.eclipse.jetty.server.Response jetty, ResponseBody body) {
        return jetty != null && body.length() != ResponseBody.UNKNOWN_LENGTH && !"HEAD".equals(ctx.getMethod())
                && ctx instanceof ContainerRequest request
                && Boolean.TRUE.equals(request.getConfiguration().getProperty(DIRECT_WRITES));
    }
}
