package dev.cairn.gateway.s3;

import dev.cairn.gateway.http.HttpResult;
import dev.cairn.gateway.http.ResponseBody;
import dev.cairn.gateway.s3.error.S3Exception;
import dev.cairn.gateway.s3.xml.XmlWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Turns handler responses and S3 errors into HTTP. The only place S3 status lines are written. */
final class S3Renderer {
    private S3Renderer() {
    }

    static HttpResult render(S3Response r, boolean head) {
        HttpResult.Builder b = HttpResult.status(r.status());
        for (Map.Entry<String, String> h : r.headers()) {
            b.header(h.getKey(), h.getValue());
        }
        ResponseBody body = r.body();
        if (body != null) {
            if (head) {
                closeQuietly(body);
            } else {
                b.body(body);
            }
        }
        return b.build();
    }

    /** {@code <Error>} XML; HEAD and 304 answers carry only the status and headers, as S3's do. */
    static HttpResult error(S3Exception e, String resource, String requestId, boolean head) {
        HttpResult.Builder b = HttpResult.status(e.status());
        e.headers().forEach(b::header);
        if (head || e.status() == 304) {
            return b.build();
        }
        byte[] xml = errorDocument(e, resource, requestId).getBytes(StandardCharsets.UTF_8);
        b.header("Content-Type", "application/xml");
        if (e.status() == 503) {
            b.header("Retry-After", "1");
        }
        return b.body(ResponseBody.of(xml)).build();
    }

    /** The {@code <Error>} document (with its XML declaration) for {@code e}. */
    static String errorDocument(S3Exception e, String resource, String requestId) {
        XmlWriter w = XmlWriter.plainDocument("Error")
                .element("Code", e.code().name())
                .element("Message", e.getMessage());
        for (Map.Entry<String, String> d : e.details().entrySet()) {
            w.element(d.getKey(), d.getValue());
        }
        return w.element("Resource", resource).element("RequestId", requestId).finish();
    }

    private static void closeQuietly(ResponseBody body) {
        try {
            body.close();
        } catch (IOException e) {
            // releasing a read the client will never see; nothing useful to report
        }
    }
}
