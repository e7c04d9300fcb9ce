package dev.cairn.server.http;

import dev.cairn.blob.io.ByteSink;
import dev.cairn.gateway.http.HttpResult;
import dev.cairn.gateway.http.ResponseBody;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;

/**
 * Writes an {@link HttpResult} straight to Jetty's response, as {@link HttpBridge#render} and
 * Jersey together would: the status, exactly the handler's headers (no Content-Type invented),
 * Content-Length from the body when the handler set none, the body as buffers when it offers
 * them ({@code direct}), else through an output stream, and nothing for HEAD. The body is always
 * closed. Blocking: call it on a thread that may block.
 */
final class JettyAnswer {
    /** Stream bodies write in small pieces (XML, JSON); each Jetty write is a blocking round. */
    private static final int STREAM_BUFFER = 16 * 1024;

    private JettyAnswer() {
    }

    /**
     * @throws IOException when the body's source fails mid-way or the client goes away; the
     *     caller must then fail (abort) the exchange, or answer 500 if nothing was committed
     */
    static void write(HttpResult result, boolean head, boolean direct, Response response) throws IOException {
        response.setStatus(result.status());
        for (Map.Entry<String, String> h : result.headers()) {
            response.getHeaders().add(h.getKey(), h.getValue());
        }
        ResponseBody body = result.body();
        if (body == null) {
            return;
        }
        try (body) {
            long length = body.length();
            if (length != ResponseBody.UNKNOWN_LENGTH && result.header(HttpHeader.CONTENT_LENGTH.asString()) == null) {
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
            }
            if (head) {
                return;
            }
            if (direct && length != ResponseBody.UNKNOWN_LENGTH && body.writeTo(blocking(response))) {
                return;
            }
            // closing the stream sends the last chunk; its flush() reaches the client at once. Not
            // closed when the body throws: that would commit a 200 the caller must still be able to replace
            OutputStream out = new BufferedOutputStream(Content.Sink.asOutputStream(response), STREAM_BUFFER);
            body.writeTo(out);
            out.close();
        }
    }

    private static ByteSink blocking(Response response) {
        return buffer -> {
            if (!buffer.hasRemaining()) {
                return;
            }
            try (Blocker.Callback written = Blocker.callback()) {
                response.write(false, buffer, written);
                written.block();
            }
        };
    }

    /** A small complete answer (an error), written at once. */
    static void fixed(Response response, int status, String contentType, byte[] bytes) throws IOException {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        try (Blocker.Callback written = Blocker.callback()) {
            response.write(true, ByteBuffer.wrap(bytes), written);
            written.block();
        }
    }
}
