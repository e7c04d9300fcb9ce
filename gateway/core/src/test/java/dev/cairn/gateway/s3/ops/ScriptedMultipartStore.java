package dev.cairn.gateway.s3.ops;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ForwardingBlobStore;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.ChecksumType;
import dev.cairn.blob.memory.MemoryBlobStoreProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The memory store plus a scripted {@link SupportsMultipart}: it records what the gateway asks
 * for and answers with fixed values, so the tests see exactly how requests turn into SPI calls
 * and answers into XML. It also lets a test give a stored object a multipart layout.
 */
final class ScriptedMultipartStore extends ForwardingBlobStore implements SupportsMultipart {
    static final Instant T = Instant.parse("2026-01-02T03:04:05.678Z");

    final List<String> calls = new ArrayList<>();
    WriteOptions createdWith;
    ChecksumType createdType;
    MultipartUpload existing;
    Map<ChecksumAlgorithm, String> completedExpected;
    Map<ChecksumAlgorithm, String> completedChecksums = Map.of(ChecksumAlgorithm.B3, "comp-2");
    byte[] lastPartBytes;
    WriteOptions lastPartOptions;
    List<CompletedPart> completedParts;
    WritePrecondition completedPrecondition;
    long completedMinPartSize;
    PartListing partListing;
    UploadListing uploadListing;
    UploadListRequest uploadListRequest;
    BlobStoreException failure;
    private final Map<BlobKey, List<Long>> layouts = new HashMap<>();

    ScriptedMultipartStore() {
        super(new MemoryBlobStoreProvider().open(new BackendSettings(Path.of("."), Map.of("memory.max-bytes", "64MiB"))));
    }

    /** Makes {@code key} (already written) report these part sizes. */
    void layout(BlobKey key, List<Long> partSizes) {
        layouts.put(key, partSizes);
    }

    private ObjectInfo withLayout(ObjectInfo i) {
        List<Long> l = layouts.get(i.key());
        return l == null ? i : new ObjectInfo(i.key(), i.size(), i.etag(), i.lastModified(), i.contentType(), i.contentHeaders(),
                i.userMetadata(), i.checksums(), l);
    }

    @Override
    public ObjectInfo stat(BlobKey key) {
        return withLayout(super.stat(key));
    }

    @Override
    public ObjectReader read(BlobKey key, ReadOptions options) {
        ObjectReader r = super.read(key, options);
        ObjectInfo info = withLayout(r.info());
        return new ObjectReader() {
            @Override
            public ObjectInfo info() {
                return info;
            }

            @Override
            public ByteRange.Resolved range() {
                return r.range();
            }

            @Override
            public InputStream stream() {
                return r.stream();
            }

            @Override
            public void close() throws IOException {
                r.close();
            }
        };
    }

    private void maybeFail() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public MultipartUpload createMultipartUpload(BlobKey key, WriteOptions options, ChecksumType checksumType) {
        calls.add("create " + key.key());
        maybeFail();
        createdWith = options;
        createdType = checksumType;
        return new MultipartUpload(key, "up-1", T, options, checksumType);
    }

    /** The upload as {@link #upload} answers it (not a recorded call): {@link #existing}, else a default upload. */
    @Override
    public MultipartUpload upload(BlobKey key, String uploadId) {
        return existing != null ? existing
                : new MultipartUpload(key, uploadId, T, new WriteOptions(WritePrecondition.NONE, null, null, null, null,
                        java.util.Set.of(ChecksumAlgorithm.CRC64NVME)), null);
    }

    @Override
    public PartInfo uploadPart(BlobKey key, String uploadId, int partNumber, ObjectSource source, WriteOptions options) {
        calls.add("part " + key.key() + " " + uploadId + " " + partNumber + " " + source.length());
        maybeFail();
        lastPartOptions = options;
        try {
            lastPartBytes = source.stream().readAllBytes();
        } catch (IOException e) {
            throw new BlobStoreException(BlobError.BAD_DIGEST, id(), key, "body failed", e);
        }
        if (source.length() != lastPartBytes.length) {
            throw new BlobStoreException(BlobError.BAD_DIGEST, id(), key, "length");
        }
        Map<ChecksumAlgorithm, String> sums = new HashMap<>();
        sums.put(ChecksumAlgorithm.B3, "b3");
        sums.put(ChecksumAlgorithm.MD5, "md5-" + partNumber);
        for (ChecksumAlgorithm a : options.extraChecksums()) {
            sums.put(a, a.name() + "-value");
        }
        return new PartInfo(partNumber, lastPartBytes.length, "etag-" + partNumber, T, sums);
    }

    @Override
    public ObjectInfo completeMultipartUpload(BlobKey key, String uploadId, List<CompletedPart> parts, WritePrecondition precondition,
            long minPartSize, Map<ChecksumAlgorithm, String> expectedChecksums) {
        calls.add("complete " + key.key() + " " + uploadId);
        maybeFail();
        completedExpected = expectedChecksums;
        completedParts = parts;
        completedPrecondition = precondition;
        completedMinPartSize = minPartSize;
        return new ObjectInfo(key, 10, "abc-" + parts.size(), T, null, null, null, completedChecksums, List.of(5L, 5L));
    }

    @Override
    public void abortMultipartUpload(BlobKey key, String uploadId) {
        calls.add("abort " + key.key() + " " + uploadId);
        maybeFail();
    }

    @Override
    public PartListing listParts(BlobKey key, String uploadId, int partNumberMarker, int maxParts) {
        calls.add("listParts " + key.key() + " " + uploadId + " " + partNumberMarker + " " + maxParts);
        maybeFail();
        return partListing;
    }

    @Override
    public UploadListing listMultipartUploads(UploadListRequest request) {
        calls.add("listUploads " + request.bucket());
        maybeFail();
        uploadListRequest = request;
        return uploadListing;
    }
}
