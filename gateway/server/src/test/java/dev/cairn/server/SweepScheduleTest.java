package dev.cairn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ForwardingBlobStore;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.memory.MemoryBlobStoreProvider;
import dev.cairn.server.config.CairnConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SweepScheduleTest {
    private final BlobStore store = new MemoryBlobStoreProvider().open(new BackendSettings(Path.of("."), Map.of()));
    /** Eight days ahead, so every upload the store stamps now is past the default 7-day age. */
    private final Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofDays(8));

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    @Timeout(10)
    void sweepsOnScheduleAndStopsOnRequest() throws InterruptedException {
        store.createBucket("b");
        BlobKey key = new BlobKey("b", "k");
        String id = ((SupportsMultipart) store).createMultipartUpload(key, WriteOptions.DEFAULTS).uploadId();
        CairnConfig.S3 s3 = CairnConfig.fromMap(Map.of("s3.multipart-sweep-interval", "50ms")).s3();

        ScheduledExecutorService sweeps = SweepSchedule.start(store, s3, ahead);
        try {
            while (stillThere(key, id)) {
                Thread.sleep(20);
            }
        } finally {
            SweepSchedule.stop(sweeps);
        }
        assertTrue(sweeps.isTerminated());
    }

    private boolean stillThere(BlobKey key, String id) {
        try {
            ((SupportsMultipart) store).listParts(key, id, 0, 1);
            return true;
        } catch (BlobStoreException e) {
            assertEquals(BlobError.NO_SUCH_UPLOAD, e.error());
            return false;
        }
    }

    @Test
    void nothingRunsWhenDisabledOrWithoutMultipartSupport() {
        CairnConfig.S3 off = CairnConfig.fromMap(Map.of("s3.multipart-max-age", "0")).s3();
        assertNull(SweepSchedule.start(store, off, ahead));
        BlobStore plain = new ForwardingBlobStore(store) {
        };
        assertNull(SweepSchedule.start(plain, CairnConfig.fromMap(Map.of()).s3(), ahead));
        SweepSchedule.stop(null); // what close() does for a server without a sweeper
    }
}
