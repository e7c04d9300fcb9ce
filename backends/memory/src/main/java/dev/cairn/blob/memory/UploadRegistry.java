package dev.cairn.blob.memory;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.Utf8Order;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One bucket's uploads in progress: by id for the part calls, and by key then id (which is
 * initiation order, see {@link UploadIds}) for listing. It also remembers recently aborted ids,
 * because abort is idempotent: aborting an aborted upload succeeds, while an unknown or completed
 * one is {@link BlobError#NO_SUCH_UPLOAD}.
 */
final class UploadRegistry {
    /** Where an upload sorts in a listing. */
    record Slot(String key, String uploadId) {
        static final Comparator<Slot> ORDER = Comparator.comparing(Slot::key, Utf8Order.COMPARATOR)
                .thenComparing(Slot::uploadId);
    }

    /**
     * Aborted ids kept for idempotent aborts. Bounded so that a client aborting uploads forever
     * cannot exhaust the heap; beyond it the oldest abort answers NO_SUCH_UPLOAD, as S3 does for
     * uploads aborted long ago.
     */
    static final int ABORTED_REMEMBERED = 10_000;

    private final ConcurrentHashMap<String, OpenUpload> byId = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Slot, OpenUpload> byKey = new ConcurrentSkipListMap<>(Slot.ORDER);
    private final Map<String, String> aborted = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > ABORTED_REMEMBERED;
        }
    };

    void add(OpenUpload upload) {
        byId.put(upload.upload().uploadId(), upload);
        byKey.put(slot(upload), upload);
    }

    /**
     * The open upload {@code uploadId} of {@code key}.
     *
     * @throws BlobStoreException {@link BlobError#NO_SUCH_UPLOAD} for an unknown id or one of another key
     */
    OpenUpload require(BlobKey key, String uploadId) {
        OpenUpload u = uploadId == null ? null : byId.get(uploadId);
        if (u == null || !u.upload().key().equals(key)) {
            throw new BlobStoreException(BlobError.NO_SUCH_UPLOAD, MemoryBlobStore.ID, key, "no upload " + uploadId + " of this key");
        }
        return u;
    }

    /** Forgets a completed upload. */
    void removeCompleted(OpenUpload upload) {
        byKey.remove(slot(upload));
        byId.remove(upload.upload().uploadId());
    }

    /** Forgets an aborted upload but remembers that it was aborted. */
    void removeAborted(OpenUpload upload) {
        // Remember first: a concurrent abort that no longer finds the upload must find the tombstone.
        synchronized (aborted) {
            aborted.put(upload.upload().uploadId(), upload.upload().key().key());
        }
        byKey.remove(slot(upload));
        byId.remove(upload.upload().uploadId());
    }

    boolean wasAborted(BlobKey key, String uploadId) {
        synchronized (aborted) {
            return key.key().equals(aborted.get(uploadId));
        }
    }

    /** The open uploads in listing order; a live view. */
    NavigableMap<Slot, OpenUpload> ordered() {
        return byKey;
    }

    /** Aborts every upload (the bucket is going away) and returns the part bytes freed. */
    long abortAll() {
        long freed = 0;
        for (OpenUpload u : byId.values()) {
            for (StoredPart p : u.abort()) {
                freed += p.size();
            }
        }
        byId.clear();
        byKey.clear();
        return freed;
    }

    private static Slot slot(OpenUpload u) {
        return new Slot(u.upload().key().key(), u.upload().uploadId());
    }
}
