package dev.cairn.blob.testkit;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.SupportsMultipart.PartInfo;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import java.util.List;

/**
 * What the multipart contracts share: the store seen as {@link SupportsMultipart}, and the
 * common calls with default options. {@link #minPart()} is small by default so the tests stay
 * fast; the minimum part size is the caller's argument, not a store setting. A fixture whose
 * target refuses small parts (S3 and its emulators refuse to complete an upload whose non-last
 * parts are under 5 MiB) overrides it.
 */
public interface MultipartFixture extends StoreFixture {
    /** The default of {@link #minPart()}: small, so stores that accept any part size test fast. */
    long DEFAULT_MIN_PART = 1024;

    /** The minimum part size the contracts complete with, and the size of their non-last parts. */
    default long minPart() {
        return DEFAULT_MIN_PART;
    }

    /** {@link #minPart()} as an array size. */
    default int minPartInt() {
        return Math.toIntExact(minPart());
    }

    default SupportsMultipart multipart() {
        return (SupportsMultipart) store();
    }

    /** Starts an upload with default options and returns its id. */
    default String start(BlobKey key) {
        return multipart().createMultipartUpload(key, WriteOptions.DEFAULTS).uploadId();
    }

    default PartInfo part(BlobKey key, String uploadId, int partNumber, byte[] data) {
        return multipart().uploadPart(key, uploadId, partNumber, ObjectSource.of(data), WriteOptions.DEFAULTS);
    }

    /** Completes with the given parts, no precondition and {@link #minPart()}. */
    default ObjectInfo complete(BlobKey key, String uploadId, List<PartInfo> parts) {
        return multipart().completeMultipartUpload(key, uploadId, MultipartSupport.completed(parts), WritePrecondition.NONE, minPart());
    }
}
