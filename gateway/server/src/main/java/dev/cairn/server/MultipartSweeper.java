package dev.cairn.server;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.BucketInfo;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.SupportsMultipart.MultipartUpload;
import dev.cairn.blob.SupportsMultipart.UploadListRequest;
import dev.cairn.blob.SupportsMultipart.UploadListing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aborts multipart uploads started longer ago than a maximum age, so parts of uploads a client
 * abandoned do not hold storage forever (issue 4). One {@link #sweep()} walks every bucket and
 * every upload once.
 *
 * <p>Upload state lives in the store, so several gateway nodes sharing one store may sweep at the
 * same time: an upload another node aborted or a client completed meanwhile
 * ({@link BlobError#NO_SUCH_UPLOAD}), and a bucket deleted meanwhile ({@link BlobError#NO_SUCH_BUCKET}),
 * are expected and skipped silently. Any other store failure is logged as a warning and the sweep
 * goes on with the next upload or bucket.
 *
 * <p>Log lines (logger {@code dev.cairn.server.MultipartSweeper}): one INFO line per aborted upload
 * naming bucket, key, upload id and age, and one INFO summary line per sweep.
 */
public final class MultipartSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(MultipartSweeper.class);
    /** The most {@link SupportsMultipart#listMultipartUploads} returns per page. */
    static final int PAGE_SIZE = 1000;

    private final BlobStore store;
    private final SupportsMultipart uploads;
    private final Clock clock;
    private final Duration maxAge;

    /**
     * @param store a store that implements {@link SupportsMultipart}
     * @param maxAge uploads initiated longer ago than this are aborted; must be positive
     * @throws IllegalArgumentException when the store has no multipart support or {@code maxAge} is not positive
     */
    public MultipartSweeper(BlobStore store, Clock clock, Duration maxAge) {
        this.store = Objects.requireNonNull(store, "store");
        if (!(store instanceof SupportsMultipart m)) {
            throw new IllegalArgumentException("store " + store.id() + " does not support multipart uploads");
        }
        if (maxAge.isZero() || maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
        this.uploads = m;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = maxAge;
    }

    /**
     * Aborts every upload initiated before now − max age. Stops early, keeping what it did, when the
     * calling thread is interrupted (the server is shutting down).
     *
     * @return how many uploads this sweep aborted
     */
    public int sweep() {
        long started = System.nanoTime(); // elapsed time, not the (possibly injected) wall clock
        Instant now = clock.instant();
        Instant cutoff = now.minus(maxAge);
        List<BucketInfo> buckets;
        try {
            buckets = store.listBuckets();
        } catch (BlobStoreException e) {
            LOG.warn("multipart sweep: cannot list buckets: {}", e.getMessage());
            return 0;
        }
        Tally tally = new Tally();
        for (BucketInfo bucket : buckets) {
            // dot-buckets are the gateway's own (internal state), never written through multipart
            if (bucket.name().startsWith(".") || Thread.currentThread().isInterrupted()) {
                continue;
            }
            sweepBucket(bucket.name(), now, cutoff, tally);
        }
        LOG.info("multipart sweep: aborted {} uploads older than {} ({} failures, {} ms)", tally.aborted, configured(maxAge),
                tally.failures, (System.nanoTime() - started) / 1_000_000);
        return tally.aborted;
    }

    private void sweepBucket(String bucket, Instant now, Instant cutoff, Tally tally) {
        String keyMarker = null;
        String uploadIdMarker = null;
        while (!Thread.currentThread().isInterrupted()) {
            UploadListing page;
            try {
                page = uploads.listMultipartUploads(new UploadListRequest(bucket, "", null, keyMarker, uploadIdMarker, PAGE_SIZE));
            } catch (BlobStoreException e) {
                if (e.error() != BlobError.NO_SUCH_BUCKET) {
                    tally.failures++;
                    LOG.warn("multipart sweep: cannot list uploads of bucket {}: {}", bucket, e.getMessage());
                }
                return;
            }
            for (MultipartUpload upload : page.uploads()) {
                if (upload.initiated().isBefore(cutoff)) {
                    abort(upload, now, tally);
                }
            }
            if (!page.truncated()) {
                return;
            }
            // aborting uploads of this page does not disturb the markers: they name a position, not an upload that must exist
            keyMarker = page.nextKeyMarker();
            uploadIdMarker = page.nextUploadIdMarker();
        }
    }

    private void abort(MultipartUpload upload, Instant now, Tally tally) {
        try {
            uploads.abortMultipartUpload(upload.key(), upload.uploadId());
        } catch (BlobStoreException e) {
            if (e.error() == BlobError.NO_SUCH_UPLOAD || e.error() == BlobError.NO_SUCH_BUCKET) {
                return; // completed by its client or aborted by another node since the listing: nothing left to free
            }
            tally.failures++;
            LOG.warn("multipart sweep: cannot abort upload {} of {}/{}: {}", upload.uploadId(), upload.key().bucket(),
                    upload.key().key(), e.getMessage());
            return;
        }
        tally.aborted++;
        LOG.info("multipart sweep: aborted upload {} of {}/{}, initiated {} ({} ago)", upload.uploadId(), upload.key().bucket(),
                upload.key().key(), upload.initiated(), age(Duration.between(upload.initiated(), now)));
    }

    private static String age(Duration d) {
        return d.toDays() > 0 ? d.toDays() + "d" + d.toHoursPart() + "h" : d.toHours() + "h" + d.toMinutesPart() + "m";
    }

    private static final class Tally {
        int aborted;
        int failures;
    }

    /** The max age written the way it is configured ({@code 7d}, {@code 12h}), not as {@code PT168H}. */
    private static String configured(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0) {
            return d.toDays() + "d";
        }
        if (ms % 3_600_000 == 0) {
            return d.toHours() + "h";
        }
        if (ms % 60_000 == 0) {
            return d.toMinutes() + "m";
        }
        return ms % 1000 == 0 ? d.toSeconds() + "s" : ms + "ms";
    }
}
