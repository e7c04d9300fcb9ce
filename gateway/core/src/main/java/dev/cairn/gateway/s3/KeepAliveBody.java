package dev.cairn.gateway.s3;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.gateway.http.ResponseBody;
import dev.cairn.gateway.s3.error.BlobErrors;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import dev.cairn.gateway.s3.xml.XmlWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of a committed {@code 200} while slow work runs: the XML declaration at once, a space
 * every interval, then the work's document, or an {@code <Error>} document if it failed (clients
 * of CompleteMultipartUpload look for that inside a 200). The declaration comes first because a
 * document may not have anything, whitespace included, before it; whitespace after it is legal.
 *
 * <p>If the client goes away, writing stops and the work is left to finish: its outcome is the
 * store's to decide, and a retried completion finds it (docs/adr/0010).
 */
final class KeepAliveBody implements ResponseBody {
    private static final Logger LOG = LoggerFactory.getLogger(KeepAliveBody.class);
    private static final byte[] DECLARATION = XmlWriter.DECLARATION.getBytes(StandardCharsets.UTF_8);

    private final Future<S3Response> work;
    private final long intervalNanos;
    private final String resource;
    private final String requestId;

    KeepAliveBody(Future<S3Response> work, Duration interval, String resource, String requestId) {
        this.work = work;
        this.intervalNanos = interval.toNanos();
        this.resource = resource;
        this.requestId = requestId;
    }

    @Override
    public long length() {
        return UNKNOWN_LENGTH;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try {
            out.write(DECLARATION);
            out.flush();
            while (true) {
                try {
                    out.write(withoutDeclaration(success(work.get(intervalNanos, TimeUnit.NANOSECONDS))));
                    break;
                } catch (TimeoutException stillRunning) {
                    out.write(' ');
                    out.flush();
                } catch (ExecutionException e) {
                    out.write(withoutDeclaration(failure(e.getCause())));
                    break;
                }
            }
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while keeping " + resource + " alive");
        } catch (IOException e) {
            LOG.info("request {}: client went away during a long {}; the work continues: {}", requestId, resource, e.toString());
            throw e;
        }
    }

    private static byte[] success(S3Response r) throws IOException {
        ByteArrayOutputStream doc = new ByteArrayOutputStream();
        try (ResponseBody body = r.body()) {
            if (body != null) {
                body.writeTo(doc);
            }
        }
        return doc.toByteArray();
    }

    /** The failure as S3 error XML, mapped as the request pipeline maps a handler's failure. */
    private byte[] failure(Throwable cause) {
        S3Exception e;
        if (cause instanceof S3Exception s3) {
            e = s3;
        } else if (cause instanceof BlobStoreException blob) {
            if (blob.error() == BlobError.INTERNAL) {
                LOG.error("request {}: store failure: {}", requestId, blob.getMessage(), blob);
            }
            e = BlobErrors.toS3(blob);
        } else {
            LOG.error("request {}: unexpected failure in {}", requestId, resource, cause);
            e = new S3Exception(S3ErrorCode.InternalError);
        }
        return S3Renderer.errorDocument(e, resource, requestId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withoutDeclaration(byte[] doc) {
        int n = DECLARATION.length;
        if (doc.length >= n && java.util.Arrays.equals(doc, 0, n, DECLARATION, 0, n)) {
            return java.util.Arrays.copyOfRange(doc, n, doc.length);
        }
        return doc;
    }

    /** Never cancels the work: the store owns the commit point. */
    @Override
    public void close() {
    }
}
