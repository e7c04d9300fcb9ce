package dev.cairn.blob.testkit;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;

/**
 * What every contract interface needs from the test class: the store under test, opened fresh
 * for each test, and one bucket already created in it. {@link AbstractBlobStoreContractTest}
 * provides both.
 */
public interface StoreFixture {

    /** The store under test; a new one for each test, closed after it. */
    BlobStore store();

    /** A bucket that exists and is empty when the test starts. */
    String bucket();

    /** A key in {@link #bucket()}. */
    default BlobKey key(String name) {
        return new BlobKey(bucket(), name);
    }
}
