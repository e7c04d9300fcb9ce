package dev.cairn.blob;

import java.util.Objects;

/**
 * The only exception a {@link BlobStore} throws for expected failures. It names the store and,
 * where one applies, the bucket and key. Each backend translates its SDK's exceptions into this
 * type in exactly one class; SDK exception types never cross the SPI.
 */
public final class BlobStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final BlobError error;
    private final String storeId;
    private final String bucket;
    private final String key;

    public BlobStoreException(BlobError error, String storeId, String bucket, String key, String message, Throwable cause) {
        super(message, cause);
        this.error = Objects.requireNonNull(error, "error");
        this.storeId = storeId;
        this.bucket = bucket;
        this.key = key;
    }

    public BlobStoreException(BlobError error, String storeId, BlobKey key, String message) {
        this(error, storeId, key == null ? null : key.bucket(), key == null ? null : key.key(), message, null);
    }

    public BlobStoreException(BlobError error, String storeId, BlobKey key, String message, Throwable cause) {
        this(error, storeId, key == null ? null : key.bucket(), key == null ? null : key.key(), message, cause);
    }

    public static BlobStoreException bucket(BlobError error, String storeId, String bucket, String message) {
        return new BlobStoreException(error, storeId, bucket, null, message, null);
    }

    public BlobError error() {
        return error;
    }

    public String storeId() {
        return storeId;
    }

    /** The bucket concerned, or null. */
    public String bucket() {
        return bucket;
    }

    /** The object key concerned, or null. */
    public String key() {
        return key;
    }

    @Override
    public String getMessage() {
        // Keys are user data, not secrets; they help operators find the object concerned.
        StringBuilder sb = new StringBuilder().append(error).append(" [").append(storeId);
        if (bucket != null) {
            sb.append(' ').append(bucket);
            if (key != null) {
                sb.append('/').append(key);
            }
        }
        sb.append(']');
        String detail = super.getMessage();
        if (detail != null && !detail.isEmpty()) {
            sb.append(": ").append(detail);
        }
        return sb.toString();
    }
}
