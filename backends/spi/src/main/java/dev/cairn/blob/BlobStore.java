package dev.cairn.blob;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A store of buckets of immutable-per-version objects. Implementations are thread-safe.
 *
 * <p><b>Publish rule.</b> A write becomes visible only after its whole stream was consumed, its
 * length matched the declared length, and every expected digest matched. If the stream throws or
 * a check fails, nothing changes and the previous version stays readable. Metadata and bytes are
 * published together: no reader ever sees new bytes with old metadata or the reverse.
 *
 * <p><b>Errors.</b> Every method reports expected failures as {@link BlobStoreException} with a
 * {@link BlobError}; a store never lets its SDK's exception types escape. Methods that name a
 * bucket throw {@link BlobError#NO_SUCH_BUCKET} when it does not exist. A store that cannot reach
 * its medium throws {@link BlobError#UNAVAILABLE}.
 *
 * <p>Every implementation passes {@code AbstractBlobStoreContractTest}.
 */
public interface BlobStore extends AutoCloseable {

    /** A short name for logs and metrics, e.g. {@code local} or {@code memory}. */
    String id();

    /** What this store can do beyond the base contract. */
    Set<Capability> capabilities();

    /**
     * Creates an empty bucket.
     *
     * @throws BlobStoreException {@link BlobError#BUCKET_ALREADY_EXISTS}
     */
    void createBucket(String bucket);

    /**
     * Deletes an empty bucket.
     *
     * @throws BlobStoreException {@link BlobError#NO_SUCH_BUCKET}, {@link BlobError#BUCKET_NOT_EMPTY}
     */
    void deleteBucket(String bucket);

    boolean bucketExists(String bucket);

    /** All buckets, sorted by name. */
    List<BucketInfo> listBuckets();

    /**
     * The metadata of the current version.
     *
     * @throws BlobStoreException {@link BlobError#NO_SUCH_BUCKET}, {@link BlobError#NO_SUCH_KEY}
     */
    ObjectInfo stat(BlobKey key);

    /**
     * Opens the current version for reading, evaluating {@code options.conditions()} and
     * resolving {@code options.range()} against that same version.
     *
     * @throws BlobStoreException {@link BlobError#NO_SUCH_BUCKET}, {@link BlobError#NO_SUCH_KEY},
     *     {@link BlobError#PRECONDITION_FAILED}, {@link BlobError#NOT_MODIFIED},
     *     {@link BlobError#INVALID_RANGE}
     */
    ObjectReader read(BlobKey key, ReadOptions options);

    /**
     * Writes a new version, following the publish rule. The store computes BLAKE3 and MD5 of the
     * bytes (and any {@code extraChecksums}) while it consumes the stream.
     *
     * @return the metadata of the version written
     * @throws BlobStoreException {@link BlobError#NO_SUCH_BUCKET}; {@link BlobError#BAD_DIGEST} when
     *     the length or a digest does not match; {@link BlobError#PRECONDITION_FAILED} when the
     *     precondition does not hold; {@link BlobError#NO_SUCH_KEY} for {@link WritePrecondition.IfMatch}
     *     on a key that does not exist (as S3 answers 404 there); {@link BlobError#UNSUPPORTED} when the precondition needs a
     *     capability the store lacks; {@link BlobError#INSUFFICIENT_STORAGE} when the store is full;
     *     {@link BlobError#INTERNAL} or {@link BlobError#UNAVAILABLE} when the stream or medium fails
     */
    ObjectInfo write(BlobKey key, ObjectSource source, WriteOptions options);

    /**
     * Deletes the current version. Idempotent: deleting a missing key succeeds.
     *
     * @throws BlobStoreException {@link BlobError#NO_SUCH_BUCKET}
     */
    void delete(BlobKey key);

    /**
     * Deletes several keys of one bucket, each as {@link #delete} would (a missing key counts as
     * deleted). The default deletes them one at a time; a store with a batch call (S3's
     * DeleteObjects) overrides it to send one request per thousand keys.
     *
     * @param keys valid keys of {@code bucket} ({@link BlobKey#requireValidKey}), at most 1000
     * @return the keys that were not deleted, each with its failure (empty when all were)
     * @throws BlobStoreException {@link BlobError#NO_SUCH_BUCKET}; {@link BlobError#UNAVAILABLE}
     *     when the medium fails for the whole batch
     */
    default Map<String, BlobStoreException> deleteAll(String bucket, List<String> keys) {
        Map<String, BlobStoreException> failed = new LinkedHashMap<>();
        for (String key : keys) {
            try {
                delete(new BlobKey(bucket, key));
            } catch (BlobStoreException e) {
                if (e.error() == BlobError.NO_SUCH_BUCKET) {
                    throw e;
                }
                failed.put(key, e);
            }
        }
        return failed;
    }

    /**
     * One page of keys, in UTF-8 byte order.
     *
     * @throws BlobStoreException {@link BlobError#NO_SUCH_BUCKET}
     */
    ListPage list(ListRequest request);

    /**
     * Copies the current version of {@code source} to {@code target}. The default streams the
     * bytes through {@link #read} and {@link #write}, keeping the metadata unless {@code options}
     * sets its own (a null content type in {@code options} keeps the source's).
     *
     * @throws BlobStoreException as {@link #read} for the source and {@link #write} for the target
     */
    default ObjectInfo copy(BlobKey source, BlobKey target, ReadOptions sourceConditions, WriteOptions options) {
        try (ObjectReader reader = read(source, sourceConditions)) {
            ObjectInfo info = reader.info();
            WriteOptions effective = options.contentType() == null
                    ? options.withContentType(info.contentType())
                            .withContentHeaders(info.contentHeaders())
                            .withUserMetadata(info.userMetadata())
                    : options;
            return write(target, new ObjectSource(reader.stream(), info.size()), effective);
        } catch (java.io.IOException e) {
            throw new BlobStoreException(BlobError.INTERNAL, id(), source, "closing copy source", e);
        }
    }

    /** Whether the store can serve reads and writes now. Cheap enough to call on every readiness probe. */
    default HealthReport health() {
        return HealthReport.ok();
    }

    /** Releases resources. Idempotent. */
    @Override
    default void close() {
    }
}
