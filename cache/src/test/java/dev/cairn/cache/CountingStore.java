package dev.cairn.cache;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ForwardingBlobStore;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ReadOptions;
import java.util.concurrent.atomic.AtomicInteger;

/** A real store under the cache that counts the stats and reads reaching it. */
class CountingStore extends ForwardingBlobStore {
    final AtomicInteger stats = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();

    CountingStore(BlobStore delegate) {
        super(delegate);
    }

    @Override
    public ObjectInfo stat(BlobKey key) {
        stats.incrementAndGet();
        return super.stat(key);
    }

    @Override
    public ObjectReader read(BlobKey key, ReadOptions options) {
        reads.incrementAndGet();
        return super.read(key, options);
    }

    /** The underlying store, for changes this node's cache does not see (another node's writes). */
    BlobStore underlying() {
        return delegate();
    }
}
