package dev.cairn.gateway.s3;

import dev.cairn.gateway.http.ResponseBody;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What a handler answers: a status, headers, and an optional body (XML text or a stream). The
 * renderer turns it into HTTP; handlers never touch the wire.
 */
public final class S3Response {
    private final int status;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private ResponseBody body;

    private S3Response(int status) {
        this.status = status;
    }

    /** A response with no body. */
    public static S3Response empty(int status) {
        return new S3Response(status);
    }

    /** A {@code 200 application/xml} response. */
    public static S3Response xml(String document) {
        return xml(200, document);
    }

    public static S3Response xml(int status, String document) {
        S3Response r = new S3Response(status);
        r.body = ResponseBody.of(document.getBytes(StandardCharsets.UTF_8));
        return r.header("Content-Type", "application/xml");
    }

    /** A streamed body; the caller sets Content-Type and friends. */
    public static S3Response stream(int status, ResponseBody body) {
        S3Response r = new S3Response(status);
        r.body = body;
        return r;
    }

    /** Adds a header; a null value is skipped so optional headers read naturally at call sites. */
    public S3Response header(String name, String value) {
        if (value != null) {
            headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
        }
        return this;
    }

    public int status() {
        return status;
    }

    public List<Map.Entry<String, String>> headers() {
        return Collections.unmodifiableList(headers);
    }

    /** The body, or null. */
    public ResponseBody body() {
        return body;
    }
}
