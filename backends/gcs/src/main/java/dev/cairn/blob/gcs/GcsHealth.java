package dev.cairn.blob.gcs;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobListOption;
import dev.cairn.blob.BlobError;
import dev.cairn.blob.HealthReport;
import java.time.Duration;

/**
 * Whether the GCS bucket answers, probed with one small object listing (the permission
 * {@code storage.objects.list} that the store needs anyway, unlike {@code storage.buckets.get})
 * and remembered for a short time so frequent readiness probes cost one request per interval.
 */
final class GcsHealth {
    private final Storage storage;
    private final String gcsBucket;
    private final GcsNames names;
    private final long ttlNanos;
    private HealthReport last;
    private long checkedAt;

    GcsHealth(Storage storage, String gcsBucket, GcsNames names, Duration ttl) {
        this.storage = storage;
        this.gcsBucket = gcsBucket;
        this.names = names;
        this.ttlNanos = ttl.toNanos();
    }

    synchronized HealthReport report() {
        long now = System.nanoTime();
        if (last == null || now - checkedAt >= ttlNanos) {
            last = probe();
            checkedAt = System.nanoTime();
        }
        return last;
    }

    private HealthReport probe() {
        try {
            storage.list(gcsBucket, BlobListOption.prefix(names.bucketMarkers()), BlobListOption.pageSize(1)).getValues();
            return HealthReport.ok();
        } catch (RuntimeException e) {
            BlobError error = GcsErrors.classify(e, BlobError.UNAVAILABLE);
            return new HealthReport(false, false, "gcs bucket " + gcsBucket + " unreachable (" + error + ")");
        }
    }
}
