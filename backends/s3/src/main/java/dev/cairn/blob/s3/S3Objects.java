package dev.cairn.blob.s3;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Error;

/** The object calls on the backend bucket, each translating its failures through {@link S3Errors}. */
final class S3Objects {
    /** CopyObject's limit; larger objects are copied through the gateway. */
    static final long MAX_COPY_SIZE = 5L * 1024 * 1024 * 1024;

    private final S3Client s3;
    private final String backendBucket;
    private final S3Layout layout;

    S3Objects(S3Client s3, String backendBucket, S3Layout layout) {
        this.s3 = s3;
        this.backendBucket = backendBucket;
        this.layout = layout;
    }

    /** The HEAD of a backend key, or null when it does not exist. */
    HeadObjectResponse head(String backendKey, String bucket, String key) {
        try {
            return s3.headObject(HeadObjectRequest.builder().bucket(backendBucket).key(backendKey).build());
        } catch (SdkException e) {
            if (S3Errors.isNotFound(e)) {
                return null;
            }
            throw S3Errors.translate(e, bucket, key, "HEAD");
        }
    }

    static ObjectInfo info(BlobKey key, HeadObjectResponse h) {
        return MetadataCodec.decode(key, h.contentLength(), h.eTag(), h.lastModified(), h.contentType(), h.metadata());
    }

    /**
     * Opens a GET of the version S3 serves now; the conditions are evaluated against that same
     * response, and a range is resolved against its total size.
     *
     * @throws BlobStoreException NO_SUCH_KEY (the caller tells a missing bucket apart), PRECONDITION_FAILED,
     *     NOT_MODIFIED, INVALID_RANGE, UNAVAILABLE
     */
    ObjectReader read(BlobKey key, ReadOptions options) {
        GetObjectRequest.Builder get = GetObjectRequest.builder().bucket(backendBucket).key(layout.objectKey(key));
        String rangeHeader = rangeHeader(options.range());
        if (rangeHeader != null) {
            get.range(rangeHeader);
        }
        ResponseInputStream<GetObjectResponse> body;
        try {
            body = s3.getObject(get.build());
        } catch (SdkException e) {
            BlobStoreException t = S3Errors.translate(e, key.bucket(), key.key(), "GET");
            if (t.error() == BlobError.INVALID_RANGE) {
                // S3 checks the range first; the SPI (like RFC 9110) evaluates the conditions first
                checkConditionsOfCurrent(key, options);
            }
            throw t;
        }
        boolean handedOver = false;
        try {
            GetObjectResponse r = body.response();
            long total = totalSize(r);
            ObjectInfo info = MetadataCodec.decode(key, total, r.eTag(), r.lastModified(), r.contentType(), r.metadata());
            options.conditions().check(info.etag(), info.lastModified(), S3BlobStore.ID, key);
            ByteRange.Resolved resolved = options.range() == null ? ByteRange.Resolved.whole(total)
                    : options.range().resolve(total, S3BlobStore.ID, key);
            long served = r.contentRange() == null ? 0 : firstByte(r.contentRange());
            if (r.contentRange() != null && served != resolved.offset()) {
                throw new BlobStoreException(BlobError.INTERNAL, S3BlobStore.ID, key, "backend served another range: " + r.contentRange());
            }
            S3ObjectReader reader = new S3ObjectReader(info, resolved, body, r.contentRange() == null ? resolved.offset() : 0);
            handedOver = true;
            return reader;
        } finally {
            if (!handedOver) {
                body.abort();
            }
        }
    }

    private void checkConditionsOfCurrent(BlobKey key, ReadOptions options) {
        if (options.conditions().isEmpty()) {
            return;
        }
        HeadObjectResponse h = head(layout.objectKey(key), key.bucket(), key.key());
        if (h != null) {
            ObjectInfo info = info(key, h);
            options.conditions().check(info.etag(), info.lastModified(), S3BlobStore.ID, key);
        }
    }

    private static String rangeHeader(ByteRange range) {
        if (range == null) {
            return null;
        }
        if (range instanceof ByteRange.Closed c) {
            return "bytes=" + c.first() + "-" + c.last();
        }
        if (range instanceof ByteRange.From f) {
            return "bytes=" + f.first() + "-";
        }
        long suffix = ((ByteRange.Suffix) range).length();
        // bytes=-0 is not a valid header; fetch the whole answer's headers and let resolve() refuse it
        return suffix == 0 ? null : "bytes=-" + suffix;
    }

    /** The full object size: from Content-Range when the answer is partial. */
    private static long totalSize(GetObjectResponse r) {
        String cr = r.contentRange();
        if (cr != null) {
            int slash = cr.lastIndexOf('/');
            if (slash > 0 && !cr.endsWith("*")) {
                return Long.parseLong(cr.substring(slash + 1).trim());
            }
        }
        return r.contentLength();
    }

    private static long firstByte(String contentRange) {
        // "bytes 10-19/100"
        String s = contentRange.trim();
        int space = s.indexOf(' ');
        int dash = s.indexOf('-', space);
        return Long.parseLong(s.substring(space + 1, dash).trim());
    }

    /** Uploads a verified body with its metadata, under the write's precondition. */
    ObjectInfo put(BlobKey key, Spool body, WriteOptions options) {
        String etag = body.digests().get(ChecksumAlgorithm.MD5);
        PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(backendBucket).key(layout.writableKey(key))
                .contentLength(body.length()).contentMD5(body.contentMd5())
                .contentType(options.contentType() == null ? ObjectInfo.DEFAULT_CONTENT_TYPE : options.contentType())
                .metadata(MetadataCodec.encode(etag, body.digests(), options.contentHeaders(), options.userMetadata(), List.of()));
        if (options.precondition() instanceof WritePrecondition.IfAbsent) {
            put.ifNoneMatch("*");
        } else if (options.precondition() instanceof WritePrecondition.IfMatch m) {
            put.ifMatch("\"" + m.etag() + "\"");
        }
        try {
            s3.putObject(put.build(), body.body());
        } catch (SdkException e) {
            throw S3Errors.translate(e, key.bucket(), key.key(), "PUT");
        }
        return afterWrite(key, etag, body.length(), options, body.digests());
    }

    /**
     * What a write produced. S3's PUT answer has no Last-Modified, so HEAD it; if another writer
     * already replaced it, describe our version from what we sent.
     */
    private ObjectInfo afterWrite(BlobKey key, String etag, long size, WriteOptions options, Map<ChecksumAlgorithm, String> digests) {
        HeadObjectResponse h = head(layout.objectKey(key), key.bucket(), key.key());
        if (h != null) {
            ObjectInfo info = info(key, h);
            if (info.etag().equals(etag)) {
                return info;
            }
        }
        Map<ChecksumAlgorithm, String> checksums = new EnumMap<>(digests);
        return new ObjectInfo(key, size, etag, java.time.Instant.now(), options.contentType(), options.contentHeaders(),
                options.userMetadata(), checksums);
    }

    /** A server-side copy of the version tagged {@code backendEtag}, with the metadata the SPI asks for. */
    ObjectInfo copy(ObjectInfo from, String backendEtag, BlobKey target, WriteOptions options) {
        boolean keep = options.contentType() == null;
        Map<ChecksumAlgorithm, String> checksums = from.checksums();
        CopyObjectRequest req = CopyObjectRequest.builder()
                .sourceBucket(backendBucket).sourceKey(layout.objectKey(from.key()))
                .destinationBucket(backendBucket).destinationKey(layout.writableKey(target))
                .copySourceIfMatch(backendEtag)
                .metadataDirective(MetadataDirective.REPLACE)
                .contentType(keep ? from.contentType() : options.contentType())
                .metadata(MetadataCodec.encode(from.etag(), checksums, keep ? from.contentHeaders() : options.contentHeaders(),
                        keep ? from.userMetadata() : options.userMetadata(), from.partSizes(), from.partChecksums()))
                .build();
        CopyObjectResponse r;
        try {
            r = s3.copyObject(req);
        } catch (SdkException e) {
            BlobStoreException t = S3Errors.translate(e, target.bucket(), target.key(), "COPY");
            if (t.error() == BlobError.PRECONDITION_FAILED) {
                // the source changed between our HEAD and the copy: as if read after the change
                throw new BlobStoreException(BlobError.PRECONDITION_FAILED, S3BlobStore.ID, from.key(), "source changed during copy", e);
            }
            throw t;
        }
        HeadObjectResponse h = head(layout.objectKey(target), target.bucket(), target.key());
        if (h != null) {
            return info(target, h);
        }
        return new ObjectInfo(target, from.size(), from.etag(), r.copyObjectResult().lastModified(),
                keep ? from.contentType() : options.contentType(), keep ? from.contentHeaders() : options.contentHeaders(),
                keep ? from.userMetadata() : options.userMetadata(), checksums, from.partSizes(), from.partChecksums());
    }

    void delete(String backendKey, String bucket, String key) {
        try {
            s3.deleteObject(DeleteObjectRequest.builder().bucket(backendBucket).key(backendKey).build());
        } catch (SdkException e) {
            throw S3Errors.translate(e, bucket, key, "DELETE");
        }
    }

    /** S3's limit of keys per DeleteObjects request. */
    static final int MAX_BATCH = 1000;

    /**
     * Deletes backend keys with DeleteObjects, a thousand per request (quiet: S3 answers only the
     * failures).
     *
     * @param backendKeys the backend key of each gateway key, in the same order as {@code keys}
     * @return the gateway keys S3 did not delete, each with its failure
     * @throws BlobStoreException when a whole request fails (unreachable, throttled, refused)
     */
    Map<String, BlobStoreException> deleteAll(String bucket, List<String> keys, List<String> backendKeys) {
        Map<String, String> gatewayKey = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            gatewayKey.put(backendKeys.get(i), keys.get(i));
        }
        Map<String, BlobStoreException> failed = new LinkedHashMap<>();
        for (int from = 0; from < backendKeys.size(); from += MAX_BATCH) {
            List<ObjectIdentifier> batch = backendKeys.subList(from, Math.min(from + MAX_BATCH, backendKeys.size())).stream()
                    .map(k -> ObjectIdentifier.builder().key(k).build()).toList();
            DeleteObjectsResponse r;
            try {
                r = s3.deleteObjects(DeleteObjectsRequest.builder().bucket(backendBucket)
                        .delete(Delete.builder().objects(batch).quiet(true).build()).build());
            } catch (SdkException e) {
                throw S3Errors.translate(e, bucket, null, "DeleteObjects");
            }
            for (S3Error e : r.errors()) {
                String key = gatewayKey.get(e.key());
                if (key != null) {
                    BlobError error = S3Errors.classifyService(500, e.code() == null ? "" : e.code(), false);
                    failed.put(key, new BlobStoreException(error, S3BlobStore.ID, bucket, key,
                            "backend refused the delete: " + e.code(), null));
                }
            }
        }
        return failed;
    }

    /** Whether any object lives under {@code backendPrefix}. */
    boolean anyUnder(String backendPrefix, String bucket) {
        try {
            return s3.listObjectsV2(ListObjectsV2Request.builder().bucket(backendBucket).prefix(backendPrefix).maxKeys(1).build())
                    .keyCount() > 0;
        } catch (SdkException e) {
            throw S3Errors.translate(e, bucket, null, "LIST");
        }
    }
}
