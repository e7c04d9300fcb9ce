package dev.cairn.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Error answers written straight from a Jetty handler, before Jersey runs (bad request targets,
 * admission refusals): S3's {@code <Error>} XML for S3 paths, problem+json for the gateway's own.
 * The texts passed in are fixed strings of the caller, never request data, so they need no
 * escaping beyond what {@link Problem} does.
 */
public final class DirectErrors {
    private DirectErrors() {
    }

    /**
     * Completes {@code callback} once the S3 error is written.
     *
     * @param retryAfterSeconds the {@code Retry-After} value, or null for none
     */
    public static void s3(Response response, Callback callback, int status, String code, String message, String requestId,
            String retryAfterSeconds) {
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>" + requestId + "</RequestId></Error>";
        write(response, callback, status, "application/xml", body, retryAfterSeconds);
    }

    /**
     * Completes {@code callback} once the problem+json body is written.
     *
     * @param retryAfterSeconds the {@code Retry-After} value, or null for none
     */
    public static void problem(Response response, Callback callback, int status, String title, String detail, String requestId,
            String retryAfterSeconds) {
        write(response, callback, status, Problem.MEDIA_TYPE, Problem.json(status, title, detail, null, requestId), retryAfterSeconds);
    }

    private static void write(Response response, Callback callback, int status, String type, String body, String retryAfter) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        if (retryAfter != null) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, retryAfter);
        }
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
