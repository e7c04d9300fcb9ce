package dev.cairn.server.http;

import dev.cairn.gateway.oap.OapApi;
import dev.cairn.server.observe.RequestIds;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers 400 for request targets that Jetty accepts (its URI compliance is permissive so raw S3
 * keys survive) but that {@link java.net.URI} cannot parse, such as a malformed percent-escape in
 * the query. Jersey's container builds a {@code URI} from every request before any resource
 * runs, and would otherwise fail with a 500. S3 paths get S3's {@code InvalidURI} error XML; the
 * gateway's own routes get problem+json.
 */
public final class UriGuard extends Handler.Wrapper {

    public UriGuard(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        try {
            new URI(request.getHttpURI().asString());
        } catch (URISyntaxException e) {
            reject(request, response, callback);
            return true;
        }
        return super.handle(request, response, callback);
    }

    private static void reject(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        String id = RequestIds.of(request);
        boolean s3 = path != null && !OapApi.handles(path) && !path.equals("/healthz") && !path.equals("/readyz")
                && !path.equals("/metrics");
        String body;
        if (s3) {
            body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InvalidURI</Code>"
                    + "<Message>Couldn't parse the specified URI.</Message><RequestId>" + id + "</RequestId></Error>";
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml");
        } else {
            body = Problem.json(400, "Bad Request", "the request target is not a valid URI", null, id);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(400);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
