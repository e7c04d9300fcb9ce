package dev.cairn.cache;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ForwardingBlobStore;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.WriteOptions;
import java.util.List;
import java.util.Map;

/**
 * The chunk cache's object calls (docs/adr/0014). A read resolves the key's current identity,
 * evaluates conditions and the range against it, and serves the range from that identity's
 * chunks, loading a small object whole on a miss; anything it cannot serve that way is read
 * through. Writes are copied into the cache once the backend accepted them, and forget the key's
 * remembered identity.
 */
final class CachingBlobStore extends ForwardingBlobStore {
    private final CacheSettings settings;
    private final ChunkTable table;
    private final Identities identities;
    private final WholeLoader loader;
    private final ReadThroughFill readFill;

    CachingBlobStore(BlobStore delegate, CacheSettings settings, ChunkTable table, Identities identities) {
        super(delegate);
        this.settings = settings;
        this.table = table;
        this.identities = identities;
        this.loader = new WholeLoader(delegate, table);
        this.readFill = new ReadThroughFill(table, settings.objectShare());
    }

    /**
     * The identity reads are served from: the store's answer when {@code metadataTtl} is 0 and the
     * bucket is not immutable, else the remembered one (so a HEAD, or the stat an OAP GET makes
     * before reading, follows the same freshness rules as a read and costs no backend call on a hit).
     */
    @Override
    public ObjectInfo stat(BlobKey key) {
        return identities.current(key);
    }

    @Override
    public ObjectReader read(BlobKey key, ReadOptions options) {
        ObjectInfo info = identities.current(key);
        ContentId id = ContentId.of(info);
        if (id == null) {
            return delegate().read(key, options);
        }
        options.conditions().check(info.etag(), info.lastModified(), id(), key);
        ByteRange.Resolved range = options.range() == null
                ? ByteRange.Resolved.whole(info.size())
                : options.range().resolve(info.size(), id(), key);
        if (range.length() == 0) {
            return new CachedReader(info, range, new ChunkStream(new byte[0][], 0, 0));
        }
        ChunkLayout layout = table.layout();
        int first = layout.indexOf(range.offset());
        int last = layout.indexOf(range.last());
        byte[][] chunks = table.present(id, first, last);
        if (chunks == null && info.size() <= settings.fillLimit()) {
            byte[][] whole = loader.load(key, info, id);
            chunks = whole == null ? null : java.util.Arrays.copyOfRange(whole, first, last + 1);
        }
        if (chunks == null) {
            return readFill.wrap(delegate().read(key, options));
        }
        int skip = (int) (range.offset() - (long) first * layout.chunkSize());
        return new CachedReader(info, range, new ChunkStream(chunks, skip, range.length()));
    }

    @Override
    public ObjectInfo write(BlobKey key, ObjectSource source, WriteOptions options) {
        long limit = source.lengthKnown() ? source.length() : settings.fillLimit();
        if (limit > settings.fillLimit()) {
            return forgetting(key, () -> delegate().write(key, source, options));
        }
        CapturingInputStream tee = new CapturingInputStream(source.stream(), new ChunkBuilder(settings.chunkSize(), limit));
        ObjectInfo info = forgetting(key, () -> delegate().write(key, new ObjectSource(tee, source.length()), options));
        // The backend verified these bytes (length, digests) before it returned their identity.
        byte[][] chunks = tee.captured();
        ContentId id = ContentId.of(info);
        if (chunks != null && id != null && tee.count() == info.size()) {
            table.insert(id, chunks, true);
        }
        return info;
    }

    @Override
    public void delete(BlobKey key) {
        forgetting(key, () -> {
            delegate().delete(key);
            return null;
        });
    }

    @Override
    public Map<String, BlobStoreException> deleteAll(String bucket, List<String> keys) {
        try {
            return delegate().deleteAll(bucket, keys);
        } finally {
            keys.forEach(k -> identities.forget(new BlobKey(bucket, k)));
        }
    }

    @Override
    public ObjectInfo copy(BlobKey source, BlobKey target, ReadOptions sourceConditions, WriteOptions options) {
        return forgetting(target, () -> delegate().copy(source, target, sourceConditions, options));
    }

    @Override
    public void createBucket(String bucket) {
        try {
            delegate().createBucket(bucket);
        } finally {
            identities.forgetBucket(bucket);
        }
    }

    @Override
    public void deleteBucket(String bucket) {
        try {
            delegate().deleteBucket(bucket);
        } finally {
            identities.forgetBucket(bucket);
        }
    }

    /** Forgets everything cached, then closes the backend. */
    @Override
    public void close() {
        table.clear();
        identities.clear();
        delegate().close();
    }

    /**
     * Runs a change of {@code key} and forgets its identity afterwards, also when the change
     * failed: a failure after the backend's commit point (a lost answer) may still have published.
     */
    private <T> T forgetting(BlobKey key, java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } finally {
            identities.forget(key);
        }
    }
}
