package dev.cairn.blob.replicated;

import dev.cairn.blob.BlobStore;
import java.util.Objects;

/**
 * One member of a replica set: a store and the name operators know it by (metric labels, logs,
 * {@code /readyz}). The position of a replica in the list handed to {@link ReplicatedBlobStore}
 * is its preference order for reads.
 *
 * @param name short, unique within the set, e.g. {@code a} or {@code s3-us}
 * @param store the replica's store; the replicated store closes it
 */
public record Replica(String name, BlobStore store) {
    public Replica {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(store, "store");
        if (name.isBlank()) {
            throw new IllegalArgumentException("replica name must not be blank");
        }
    }
}
