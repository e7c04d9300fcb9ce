package dev.cairn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.BucketInfo;
import dev.cairn.blob.ForwardingBlobStore;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.SupportsMultipart.CompletedPart;
import dev.cairn.blob.SupportsMultipart.MultipartUpload;
import dev.cairn.blob.SupportsMultipart.PartInfo;
import dev.cairn.blob.SupportsMultipart.UploadListRequest;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.ChecksumType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sweeper over a real store. The stores stamp {@code initiated} from the system clock, so
 * uploads are made "old" by moving the sweeper's clock forward instead.
 */
abstract class MultipartSweeperContract {
    private static final Duration MAX_AGE = Duration.ofDays(7);

    private BlobStore store;
    private SupportsMultipart mp;
    private final MutableClock clock = new MutableClock(Instant.now());

    /** A fresh, empty store that supports multipart. */
    abstract BlobStore openStore();

    /** How many uploads the paging test creates; more than one listing page. */
    abstract int manyUploads();

    @BeforeEach
    void open() {
        store = openStore();
        mp = (SupportsMultipart) store;
    }

    @AfterEach
    void close() {
        store.close();
    }

    private MultipartSweeper sweeper() {
        return new MultipartSweeper(store, clock, MAX_AGE);
    }

    private String start(String bucket, String key) {
        return mp.createMultipartUpload(new BlobKey(bucket, key), WriteOptions.DEFAULTS).uploadId();
    }

    private void assertGone(String bucket, String key, String id) {
        BlobStoreException e = assertThrows(BlobStoreException.class, () -> mp.listParts(new BlobKey(bucket, key), id, 0, 10));
        assertEquals(BlobError.NO_SUCH_UPLOAD, e.error());
    }

    private void assertAlive(String bucket, String key, String id) {
        assertEquals(id, mp.listParts(new BlobKey(bucket, key), id, 0, 10).upload().uploadId());
    }

    @Test
    void abortsAnUploadOnlyOnceItIsOlderThanTheMaxAge() {
        store.createBucket("b");
        BlobKey key = new BlobKey("b", "k");
        MultipartUpload upload = mp.createMultipartUpload(key, WriteOptions.DEFAULTS);
        mp.uploadPart(key, upload.uploadId(), 1, ObjectSource.of(new byte[100]), WriteOptions.DEFAULTS);

        clock.set(upload.initiated().plus(MAX_AGE).minusSeconds(60));
        assertEquals(0, sweeper().sweep(), "a minute short of the max age");
        assertAlive("b", "k", upload.uploadId());

        clock.set(upload.initiated().plus(MAX_AGE).plusSeconds(60));
        assertEquals(1, sweeper().sweep());
        assertGone("b", "k", upload.uploadId());
        assertEquals(0, sweeper().sweep(), "a second sweep finds nothing left");
    }

    @Test
    void youngerUploadsStayWhileOlderOnesGo() throws InterruptedException {
        store.createBucket("b");
        MultipartUpload older = mp.createMultipartUpload(new BlobKey("b", "z-older"), WriteOptions.DEFAULTS);
        Thread.sleep(20); // the stores stamp uploads from the system clock in milliseconds
        MultipartUpload younger = mp.createMultipartUpload(new BlobKey("b", "a-younger"), WriteOptions.DEFAULTS);
        assertTrue(older.initiated().isBefore(younger.initiated()));

        // the cutoff (now - max age) falls between the two
        clock.set(younger.initiated().plus(MAX_AGE).minusMillis(1));
        assertEquals(1, sweeper().sweep());
        assertGone("b", "z-older", older.uploadId());
        assertAlive("b", "a-younger", younger.uploadId());
    }

    @Test
    void completedObjectsAreUntouched() {
        store.createBucket("b");
        BlobKey key = new BlobKey("b", "done");
        String id = mp.createMultipartUpload(key, WriteOptions.DEFAULTS).uploadId();
        byte[] body = "whole object".getBytes(StandardCharsets.UTF_8);
        PartInfo part = mp.uploadPart(key, id, 1, ObjectSource.of(body), WriteOptions.DEFAULTS);
        ObjectInfo done = mp.completeMultipartUpload(key, id, List.of(new CompletedPart(1, part.etag())), WritePrecondition.NONE, 1);
        String open = start("b", "pending");

        clock.advance(MAX_AGE.plusDays(1));
        assertEquals(1, sweeper().sweep());
        assertGone("b", "pending", open);
        ObjectInfo after = store.stat(key);
        assertEquals(done.etag(), after.etag());
        assertEquals(body.length, after.size());
    }

    @Test
    void pagesThroughEveryUploadOfEveryBucket() {
        store.createBucket("a");
        store.createBucket("z");
        int n = manyUploads();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // a few keys with many uploads each, so pages end inside one key's uploads (the upload-id marker matters)
            ids.add(start("a", "key-" + (i % 7)));
        }
        String other = start("z", "k");
        clock.advance(MAX_AGE.plusDays(1));

        assertEquals(n + 1, sweeper().sweep());
        assertTrue(mp.listMultipartUploads(new UploadListRequest("a", "", null, null, null, 1000)).uploads().isEmpty());
        assertGone("z", "k", other);
        assertGone("a", "key-0", ids.get(0));
        assertGone("a", "key-" + ((n - 1) % 7), ids.get(n - 1));
    }

    @Test
    void internalDotBucketsAreLeftAlone() {
        store.createBucket(".cairn-internal");
        String id = start(".cairn-internal", "k");
        clock.advance(MAX_AGE.plusDays(1));
        assertEquals(0, sweeper().sweep());
        assertAlive(".cairn-internal", "k", id);
    }

    @Test
    void aBucketDeletedDuringTheSweepDoesNotStopIt() {
        store.createBucket("a-gone");
        store.createBucket("b");
        String id = start("b", "k");
        clock.advance(MAX_AGE.plusDays(1));
        // the bucket list is taken, then the bucket disappears before its uploads are listed
        BlobStore racing = new MultipartForwarding(store) {
            @Override
            public List<BucketInfo> listBuckets() {
                List<BucketInfo> buckets = delegate().listBuckets();
                delegate().deleteBucket("a-gone");
                return buckets;
            }
        };
        assertEquals(1, new MultipartSweeper(racing, clock, MAX_AGE).sweep());
        assertGone("b", "k", id);
    }

    @Test
    void anUploadCompletedAfterTheListingIsSkippedAndOtherFailuresDoNotStopTheSweep() {
        store.createBucket("b");
        BlobKey racedKey = new BlobKey("b", "a-raced");
        String raced = start("b", "a-raced");
        PartInfo part = mp.uploadPart(racedKey, raced, 1, ObjectSource.of(new byte[10]), WriteOptions.DEFAULTS);
        String failing = start("b", "b-failing");
        String last = start("b", "c-last");
        clock.advance(MAX_AGE.plusDays(1));
        BlobStore racing = new MultipartForwarding(store) {
            @Override
            public void abortMultipartUpload(BlobKey key, String uploadId) {
                if (uploadId.equals(raced)) {
                    // its client completes it between the sweeper's listing and its abort
                    completeMultipartUpload(key, uploadId, List.of(new CompletedPart(1, part.etag())), WritePrecondition.NONE, 1);
                } else if (uploadId.equals(failing)) {
                    throw new BlobStoreException(BlobError.UNAVAILABLE, store.id(), key, "medium unreachable");
                }
                super.abortMultipartUpload(key, uploadId);
            }
        };
        assertEquals(1, new MultipartSweeper(racing, clock, MAX_AGE).sweep(), "only c-last");
        assertEquals(10, store.stat(racedKey).size(), "the completed object stays");
        assertAlive("b", "b-failing", failing);
        assertGone("b", "c-last", last);
    }

    @Test
    void rejectsAStoreWithoutMultipartAndANonPositiveAge() {
        BlobStore plain = new ForwardingBlobStore(store) {
        };
        assertThrows(IllegalArgumentException.class, () -> new MultipartSweeper(plain, clock, MAX_AGE));
        assertThrows(IllegalArgumentException.class, () -> new MultipartSweeper(store, clock, Duration.ZERO));
    }

    /** A decorator that keeps multipart support, so a test can change one call of a real store. */
    private static class MultipartForwarding extends ForwardingBlobStore implements SupportsMultipart {
        MultipartForwarding(BlobStore delegate) {
            super(delegate);
        }

        private SupportsMultipart mp() {
            return (SupportsMultipart) delegate();
        }

        @Override
        public MultipartUpload createMultipartUpload(BlobKey key, WriteOptions options, ChecksumType checksumType) {
            return mp().createMultipartUpload(key, options, checksumType);
        }

        @Override
        public PartInfo uploadPart(BlobKey key, String uploadId, int partNumber, ObjectSource source, WriteOptions options) {
            return mp().uploadPart(key, uploadId, partNumber, source, options);
        }

        @Override
        public ObjectInfo completeMultipartUpload(BlobKey key, String uploadId, List<CompletedPart> parts, WritePrecondition precondition,
                long minPartSize, Map<ChecksumAlgorithm, String> expectedChecksums) {
            return mp().completeMultipartUpload(key, uploadId, parts, precondition, minPartSize, expectedChecksums);
        }

        @Override
        public void abortMultipartUpload(BlobKey key, String uploadId) {
            mp().abortMultipartUpload(key, uploadId);
        }

        @Override
        public PartListing listParts(BlobKey key, String uploadId, int partNumberMarker, int maxParts) {
            return mp().listParts(key, uploadId, partNumberMarker, maxParts);
        }

        @Override
        public UploadListing listMultipartUploads(UploadListRequest request) {
            return mp().listMultipartUploads(request);
        }
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone); // a snapshot: the sweeper only ever reads instant()
        }
    }
}
