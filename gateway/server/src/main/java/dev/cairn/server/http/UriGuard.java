package dev.cairn.server.http;

import dev.cairn.gateway.oap.OapApi;
import dev.cairn.server.observe.RequestIds;
import java.net.URI;
import java.net.URISyntaxException;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses request targets before any resource runs:
 *
 * <ul>
 *   <li>longer than {@code http.max-uri-length}: 414;
 *   <li>accepted by Jetty (its URI compliance is permissive so raw S3 keys survive) but not by
 *       {@link java.net.URI}, such as a malformed percent-escape in the query or a Host header with
 *       characters no host name has: 400. Jersey's container builds a {@code URI} from the target
 *       and one from the host of every request, and would otherwise fail with a 500.
 * </ul>
 *
 * S3 paths get S3's {@code InvalidURI} error XML; the gateway's own routes get problem+json.
 */
public final class UriGuard extends Handler.Wrapper {
    /** No limit beyond Jetty's header size. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private final int maxUriLength;

    /** A guard with no length limit of its own (Jetty's header size still applies). */
    public UriGuard(Handler handler) {
        this(handler, UNLIMITED);
    }

    /** @param maxUriLength longest path plus query (in bytes as sent) answered at all */
    public UriGuard(Handler handler, int maxUriLength) {
        super(handler);
        this.maxUriLength = maxUriLength;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpURI uri = request.getHttpURI();
        if (targetLength(uri) > maxUriLength) {
            reject(request, response, callback, 414, "the request target is longer than " + maxUriLength + " bytes");
            return true;
        }
        try {
            new URI(uri.asString());
            // Jersey also builds the base URI from the Host header; a host such as 127.0.'.1 fails there
            new URI(uri.getScheme(), null, Request.getServerName(request), Request.getServerPort(request), "/", null, null);
        } catch (URISyntaxException e) {
            reject(request, response, callback, 400, "the request target is not a valid URI");
            return true;
        }
        return super.handle(request, response, callback);
    }

    private static long targetLength(HttpURI uri) {
        String path = uri.getPath();
        String query = uri.getQuery();
        return (path == null ? 0 : path.length()) + (query == null ? 0 : query.length() + 1L);
    }

    private static void reject(Request request, Response response, Callback callback, int status, String detail) {
        String path = request.getHttpURI().getPath();
        String id = RequestIds.of(request);
        boolean s3 = path != null && !OapApi.handles(path) && !path.equals("/healthz") && !path.equals("/readyz")
                && !path.equals("/metrics");
        if (s3) {
            String message = status == 414 ? "The request target is too long." : "Couldn't parse the specified URI.";
            DirectErrors.s3(response, callback, status, "InvalidURI", message, id, null);
        } else {
            DirectErrors.problem(response, callback, status, status == 414 ? "URI Too Long" : "Bad Request", detail, id, null);
        }
    }
}
