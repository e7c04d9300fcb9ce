package dev.cairn.blob.replicated;

import dev.cairn.blob.BlobKey;
import java.util.Objects;

/**
 * One unit of repair work: bring {@code key} (or, when {@code key} is null, the bucket itself) on
 * replica {@code replica} in line with the rest of the set.
 *
 * @param bucket the bucket concerned
 * @param key the object key, or null for a bucket task
 * @param replica the position of the replica to repair
 * @param reason why it was queued (the {@code reason} label)
 * @param attempt how many times it was tried already because the target could not be reached
 */
record RepairTask(String bucket, String key, int replica, RepairSink.Reason reason, int attempt) {
    RepairTask {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(reason, "reason");
    }

    static RepairTask object(BlobKey key, int replica, RepairSink.Reason reason) {
        return new RepairTask(key.bucket(), key.key(), replica, reason, 0);
    }

    static RepairTask bucket(String bucket, int replica, RepairSink.Reason reason) {
        return new RepairTask(bucket, null, replica, reason, 0);
    }

    /** The same task, tried once more. */
    RepairTask retried() {
        return new RepairTask(bucket, key, replica, reason, attempt + 1);
    }

    boolean isBucket() {
        return key == null;
    }

    BlobKey blobKey() {
        return new BlobKey(bucket, key);
    }

    /** What deduplication compares: the same target on the same replica, whatever the reason. */
    Target target() {
        return new Target(bucket, key, replica);
    }

    record Target(String bucket, String key, int replica) {
    }
}
