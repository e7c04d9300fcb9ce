package dev.cairn.blob.memory;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.BucketInfo;
import dev.cairn.blob.Utf8Order;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One bucket's objects in UTF-8 key order, and its uploads in progress. Publishing and deleting
 * the bucket exclude each other (a read-write lock: many publishers, one deleter), so a write can
 * never be acknowledged into a bucket that is being deleted and then vanish with it. Upload
 * changes run under the same read lock ({@link #whileOpen}), so deleting the bucket aborts every
 * upload and no part or upload can slip in afterwards.
 *
 * <p>Lock order: this bucket's lock, then an {@link OpenUpload}'s monitor.
 */
final class MemoryBucket {
    private final BucketInfo info;
    private final ConcurrentSkipListMap<String, StoredObject> objects = new ConcurrentSkipListMap<>(Utf8Order.COMPARATOR);
    private final UploadRegistry uploads = new UploadRegistry();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean deleted;

    MemoryBucket(String name, Instant created) {
        this.info = new BucketInfo(name, created);
    }

    BucketInfo info() {
        return info;
    }

    boolean isDeleted() {
        return deleted;
    }

    UploadRegistry uploads() {
        return uploads;
    }

    /**
     * Runs {@code action} while the bucket cannot be deleted. The lock is reentrant, so the
     * action may {@link #publish}.
     *
     * @throws BlobStoreException {@link BlobError#NO_SUCH_BUCKET} when the bucket was deleted meanwhile
     */
    <T> T whileOpen(Supplier<T> action) {
        lock.readLock().lock();
        try {
            if (deleted) {
                throw noSuchBucket();
            }
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    StoredObject get(String key) {
        return objects.get(key);
    }

    Iterator<String> keysFrom(String fromInclusive) {
        return objects.tailMap(fromInclusive, true).keySet().iterator();
    }

    /**
     * Makes {@code entry} the current version of {@code key} if {@code precondition} accepts the
     * current one (null when absent), atomically with the check.
     *
     * @return the version replaced, or null
     * @throws BlobStoreException from the precondition, or {@link BlobError#NO_SUCH_BUCKET} when
     *     the bucket was deleted meanwhile
     */
    StoredObject publish(String key, StoredObject entry, Consumer<StoredObject> precondition) {
        return whileOpen(() -> {
            StoredObject[] replaced = new StoredObject[1];
            // The skip list may apply the function more than once under contention; each call
            // checks the value its compare-and-set will replace, so the last call's view wins.
            objects.compute(key, (k, current) -> {
                precondition.accept(current);
                replaced[0] = current;
                return entry;
            });
            return replaced[0];
        });
    }

    /** @return the version removed, or null */
    StoredObject remove(String key) {
        return objects.remove(key);
    }

    /**
     * Marks the bucket deleted if it holds no object, aborting its uploads in progress: an upload
     * is not an object, so it does not keep the bucket alive, and its parts are freed with it.
     *
     * @return the part bytes freed
     * @throws BlobStoreException {@link BlobError#BUCKET_NOT_EMPTY}, or {@link BlobError#NO_SUCH_BUCKET}
     *     when another caller deleted it first
     */
    long markDeletedIfEmpty() {
        lock.writeLock().lock();
        try {
            if (deleted) {
                throw noSuchBucket();
            }
            if (!objects.isEmpty()) {
                throw BlobStoreException.bucket(BlobError.BUCKET_NOT_EMPTY, MemoryBlobStore.ID, info.name(), "bucket holds objects");
            }
            deleted = true;
            return uploads.abortAll();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Drops every object and upload and refuses further writes; returns the bytes dropped. */
    long discard() {
        lock.writeLock().lock();
        try {
            deleted = true;
            long bytes = uploads.abortAll();
            for (StoredObject o : objects.values()) {
                bytes += o.size();
            }
            objects.clear();
            return bytes;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private BlobStoreException noSuchBucket() {
        return BlobStoreException.bucket(BlobError.NO_SUCH_BUCKET, MemoryBlobStore.ID, info.name(), null);
    }
}
