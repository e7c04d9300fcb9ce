package dev.cairn.blob;

import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.ChecksumType;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link ForwardingBlobStore} that also forwards {@link SupportsMultipart}, so a decorator over a
 * multipart-capable store stays multipart-capable (the gateway finds multipart support with
 * {@code instanceof SupportsMultipart}; a plain {@code ForwardingBlobStore} would hide it and
 * the multipart operations would answer 501). See docs/adr/0010.
 *
 * <p>Two ways to use it:
 * <ul>
 * <li>A decorator that changes multipart calls (fault injection, replication) extends this class
 *     and overrides them; its delegate must support multipart.</li>
 * <li>A decorator that only changes object calls (a read cache, read metrics) extends
 *     {@link ForwardingBlobStore} and is wrapped with {@link #preserving}: multipart calls then go
 *     straight to the store underneath, object calls through the decorator.</li>
 * </ul>
 */
public abstract class ForwardingMultipartBlobStore extends ForwardingBlobStore implements SupportsMultipart {
    private final SupportsMultipart multipart;

    /**
     * @throws IllegalArgumentException if {@code delegate} does not implement {@link SupportsMultipart}
     */
    protected ForwardingMultipartBlobStore(BlobStore delegate) {
        this(delegate, multipartOf(delegate));
    }

    /** Object calls go to {@code delegate}, multipart calls to {@code multipart}. */
    private ForwardingMultipartBlobStore(BlobStore delegate, SupportsMultipart multipart) {
        super(delegate);
        this.multipart = Objects.requireNonNull(multipart, "multipart");
    }

    /**
     * {@code decorator}, made multipart-capable when the store it decorates is: returns
     * {@code decorator} itself when it already implements {@link SupportsMultipart} or when
     * {@code decorated} does not; otherwise a store whose object calls go to {@code decorator} and
     * whose multipart calls go to {@code decorated}.
     *
     * @param decorated the store {@code decorator} wraps (directly or further down)
     */
    public static BlobStore preserving(BlobStore decorator, BlobStore decorated) {
        Objects.requireNonNull(decorator, "decorator");
        Objects.requireNonNull(decorated, "decorated");
        if (decorator instanceof SupportsMultipart || !(decorated instanceof SupportsMultipart m)) {
            return decorator;
        }
        return new ForwardingMultipartBlobStore(decorator, m) {
        };
    }

    private static SupportsMultipart multipartOf(BlobStore delegate) {
        if (delegate instanceof SupportsMultipart m) {
            return m;
        }
        throw new IllegalArgumentException("store " + delegate.id() + " does not support multipart uploads");
    }

    /** Where multipart calls are forwarded. */
    protected final SupportsMultipart multipartDelegate() {
        return multipart;
    }

    // Only the methods a store implements are forwarded; SupportsMultipart's convenience
    // overloads reach them through their defaults, so a decorator overrides one method per call.
    @Override
    public MultipartUpload createMultipartUpload(BlobKey key, WriteOptions options, ChecksumType checksumType) {
        return multipart.createMultipartUpload(key, options, checksumType);
    }

    @Override
    public MultipartUpload upload(BlobKey key, String uploadId) {
        return multipart.upload(key, uploadId);
    }

    @Override
    public PartInfo uploadPart(BlobKey key, String uploadId, int partNumber, ObjectSource source, WriteOptions options) {
        return multipart.uploadPart(key, uploadId, partNumber, source, options);
    }

    @Override
    public ObjectInfo completeMultipartUpload(BlobKey key, String uploadId, List<CompletedPart> parts,
            WritePrecondition precondition, long minPartSize, Map<ChecksumAlgorithm, String> expectedChecksums) {
        return multipart.completeMultipartUpload(key, uploadId, parts, precondition, minPartSize, expectedChecksums);
    }

    @Override
    public void abortMultipartUpload(BlobKey key, String uploadId) {
        multipart.abortMultipartUpload(key, uploadId);
    }

    @Override
    public PartListing listParts(BlobKey key, String uploadId, int partNumberMarker, int maxParts) {
        return multipart.listParts(key, uploadId, partNumberMarker, maxParts);
    }

    @Override
    public UploadListing listMultipartUploads(UploadListRequest request) {
        return multipart.listMultipartUploads(request);
    }
}
