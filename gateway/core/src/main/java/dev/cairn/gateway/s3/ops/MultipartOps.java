package dev.cairn.gateway.s3.ops;

import dev.cairn.blob.BlobStore;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.gateway.s3.KeepAliveRunner;
import dev.cairn.gateway.s3.S3Handler;
import dev.cairn.gateway.s3.S3Settings;
import dev.cairn.gateway.s3.route.S3Operation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;

/**
 * The multipart operations: CreateMultipartUpload, UploadPart, UploadPartCopy,
 * CompleteMultipartUpload, AbortMultipartUpload, ListParts and ListMultipartUploads. Served only
 * over a store that implements {@link SupportsMultipart}; over any other store they stay
 * unregistered and answer 501 NotImplemented. Part size limits come from {@link S3Settings}.
 */
public final class MultipartOps {
    private final SupportsMultipart multipart;
    private final MultipartUploads uploads;
    private final UploadPart parts;
    private final MultipartListings listings;

    public MultipartOps(BlobStore store, S3Settings settings, MeterRegistry registry) {
        this.multipart = store instanceof SupportsMultipart m ? m : null;
        if (multipart == null) {
            uploads = null;
            parts = null;
            listings = null;
            return;
        }
        // The same meter ObjectOps registers: a bad part is an integrity failure like a bad object.
        Counter checksumMismatch = Counter.builder(ObjectOps.INTEGRITY_FAIL)
                .description("Bodies refused because they did not match a digest")
                .tag("reason", "checksum_mismatch")
                .register(registry);
        this.uploads = new MultipartUploads(store, multipart, settings.minPartSize(),
                new KeepAliveRunner(settings.completeKeepAlive()));
        this.parts = new UploadPart(store, multipart, settings.maxPartSize(), checksumMismatch);
        this.listings = new MultipartListings(store, multipart, settings);
    }

    /** Registers the handlers when the store supports multipart uploads; otherwise does nothing. */
    public void register(Map<S3Operation, S3Handler> handlers) {
        if (multipart == null) {
            return;
        }
        handlers.put(S3Operation.CREATE_MULTIPART_UPLOAD, uploads::create);
        handlers.put(S3Operation.COMPLETE_MULTIPART_UPLOAD, uploads::complete);
        handlers.put(S3Operation.ABORT_MULTIPART_UPLOAD, uploads::abort);
        handlers.put(S3Operation.UPLOAD_PART, parts::upload);
        handlers.put(S3Operation.UPLOAD_PART_COPY, parts::copy);
        handlers.put(S3Operation.LIST_PARTS, listings::listParts);
        handlers.put(S3Operation.LIST_MULTIPART_UPLOADS, listings::listUploads);
    }
}
