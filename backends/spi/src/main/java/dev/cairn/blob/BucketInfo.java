package dev.cairn.blob;

import java.time.Instant;
import java.util.Objects;

/** A bucket and when it was created. */
public record BucketInfo(String name, Instant created) {
    public BucketInfo {
        BlobKey.requireValidBucket(name);
        Objects.requireNonNull(created, "created");
    }
}
