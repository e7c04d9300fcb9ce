package dev.cairn.blob.memory;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.SupportsMultipart.MultipartUpload;
import dev.cairn.blob.SupportsMultipart.PartInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One upload's parts and whether it has ended. Every change happens under this object's monitor,
 * so a part that arrives while the upload completes or aborts is either in the completed object
 * (or freed by the abort) or refused, never kept in an upload nobody can reach.
 */
final class OpenUpload {
    private enum State { OPEN, COMPLETED, ABORTED }

    private final MultipartUpload upload;
    private final TreeMap<Integer, StoredPart> parts = new TreeMap<>();
    private State state = State.OPEN;

    OpenUpload(MultipartUpload upload) {
        this.upload = upload;
    }

    MultipartUpload upload() {
        return upload;
    }

    /**
     * Adds or replaces a part.
     *
     * @return the part it replaced, or null
     * @throws BlobStoreException {@link BlobError#NO_SUCH_UPLOAD} once the upload has ended
     */
    synchronized StoredPart put(StoredPart part) {
        requireOpen();
        return parts.put(part.info().partNumber(), part);
    }

    /**
     * Up to {@code max} parts numbered after {@code marker}, in order.
     *
     * @throws BlobStoreException {@link BlobError#NO_SUCH_UPLOAD} once the upload has ended
     */
    synchronized List<PartInfo> partsAfter(int marker, int max) {
        requireOpen();
        List<PartInfo> out = new ArrayList<>();
        for (StoredPart p : parts.tailMap(marker, false).values()) {
            if (out.size() == max) {
                break;
            }
            out.add(p.info());
        }
        return out;
    }

    /**
     * Runs {@code publish} over the parts with the upload locked, and ends the upload if it
     * returns normally. If it throws (a bad part list, a failed precondition) the upload stays
     * open and unchanged, as S3 keeps an upload whose completion failed.
     *
     * @throws BlobStoreException {@link BlobError#NO_SUCH_UPLOAD} once the upload has ended
     */
    synchronized <T> T complete(Function<SortedMap<Integer, StoredPart>, T> publish) {
        requireOpen();
        T result = publish.apply(Collections.unmodifiableSortedMap(parts));
        state = State.COMPLETED;
        parts.clear();
        return result;
    }

    /**
     * Ends the upload without an object.
     *
     * @return the parts to free; empty if it was already aborted
     * @throws BlobStoreException {@link BlobError#NO_SUCH_UPLOAD} if it was completed
     */
    synchronized List<StoredPart> abort() {
        if (state == State.COMPLETED) {
            throw noSuchUpload();
        }
        state = State.ABORTED;
        List<StoredPart> freed = List.copyOf(parts.values());
        parts.clear();
        return freed;
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw noSuchUpload();
        }
    }

    private BlobStoreException noSuchUpload() {
        return new BlobStoreException(BlobError.NO_SUCH_UPLOAD, MemoryBlobStore.ID, upload.key(),
                "upload " + upload.uploadId() + " was " + state.name().toLowerCase(java.util.Locale.ROOT));
    }
}
