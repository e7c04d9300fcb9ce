package dev.cairn.blob.gcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.cloud.storage.StorageException;
import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

/** The status-to-error table of {@link GcsErrors}, for the statuses the emulator cannot be made to send (429, 5xx, 403). */
class GcsErrorsTest {
    private static final BlobKey KEY = new BlobKey("b", "k");

    private static BlobError map(RuntimeException e, BlobError notFound) {
        BlobStoreException t = GcsErrors.translate(e, notFound, null, KEY, "test");
        assertEquals("gcs", t.storeId());
        assertEquals("k", t.key());
        return t.error();
    }

    @Test
    void statusesMapToTheirErrors() {
        assertEquals(BlobError.THROTTLED, map(new StorageException(429, "rate"), BlobError.NO_SUCH_KEY));
        for (int code : new int[] {408, 500, 502, 503, 504}) {
            assertEquals(BlobError.UNAVAILABLE, map(new StorageException(code, "down"), BlobError.NO_SUCH_KEY), "HTTP " + code);
        }
        assertEquals(BlobError.UNAVAILABLE, map(new StorageException(403, "denied"), BlobError.NO_SUCH_KEY));
        assertEquals(BlobError.UNAVAILABLE, map(new StorageException(401, "who"), BlobError.NO_SUCH_KEY));
        assertEquals(BlobError.PRECONDITION_FAILED, map(new StorageException(412, "gen"), BlobError.NO_SUCH_KEY));
        assertEquals(BlobError.INVALID_RANGE, map(new StorageException(416, "range"), BlobError.NO_SUCH_KEY));
        assertEquals(BlobError.INVALID_ARGUMENT, map(new StorageException(400, "bad"), BlobError.NO_SUCH_KEY));
        assertEquals(BlobError.INTERNAL, map(new StorageException(418, "teapot"), BlobError.NO_SUCH_KEY));
    }

    @Test
    void notFoundMeansWhatTheCallerSays() {
        assertEquals(BlobError.NO_SUCH_KEY, map(new StorageException(404, "gone"), BlobError.NO_SUCH_KEY));
        assertEquals(BlobError.NO_SUCH_UPLOAD, map(new StorageException(404, "gone"), BlobError.NO_SUCH_UPLOAD));
        assertEquals(BlobError.NO_SUCH_BUCKET, map(new StorageException(404, "gone"), BlobError.NO_SUCH_BUCKET));
    }

    @Test
    void connectionFailuresAndTimeoutsAreUnavailable() {
        assertEquals(BlobError.UNAVAILABLE, map(new StorageException(new ConnectException("refused")), BlobError.NO_SUCH_KEY));
        assertEquals(BlobError.UNAVAILABLE, map(new StorageException(new SocketTimeoutException("slow")), BlobError.NO_SUCH_KEY));
        assertEquals(BlobError.UNAVAILABLE, map(new IllegalStateException(new SocketTimeoutException("slow")), BlobError.NO_SUCH_KEY));
        assertEquals(BlobError.INTERNAL, map(new IllegalStateException("bug"), BlobError.NO_SUCH_KEY));
    }

    @Test
    void aBlobStoreExceptionPassesThrough() {
        BlobStoreException e = new BlobStoreException(BlobError.BAD_DIGEST, "gcs", KEY, "x");
        assertSame(e, GcsErrors.translate(e, BlobError.NO_SUCH_KEY, null, KEY, "test"));
    }
}
