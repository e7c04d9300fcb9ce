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
 * common calls with default options. {@link #MIN_PART} is small so the tests stay fast; the
 * minimum part size is the caller's argument, not a store setting.
 */
public interface MultipartFixture extends StoreFixture {
    /** The minimum part size the contracts complete with. */
    long MIN_PART = 1024;
    /** {@link #MIN_PART} as an array size. */
    int MIN_PART_INT = (int) MIN_PART;

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

    /** Completes with the given parts, no precondition and {@link #MIN_PART}. */
    default ObjectInfo complete(BlobKey key, String uploadId, List<PartInfo> parts) {
        return multipart().completeMultipartUpload(key, uploadId, MultipartSupport.completed(parts), WritePrecondition.NONE, MIN_PART);
    }
}
