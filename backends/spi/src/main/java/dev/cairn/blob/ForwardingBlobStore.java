package dev.cairn.blob;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link BlobStore} that forwards every call to another. Decorators (metrics, caching, fault
 * injection in tests) extend it and override only the calls they change, so a method added to the
 * SPI later is forwarded everywhere at once instead of being forgotten in one decorator.
 */
public abstract class ForwardingBlobStore implements BlobStore {
    private final BlobStore delegate;

    protected ForwardingBlobStore(BlobStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The store calls are forwarded to. */
    protected final BlobStore delegate() {
        return delegate;
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public Set<Capability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public void createBucket(String bucket) {
        delegate.createBucket(bucket);
    }

    @Override
    public void deleteBucket(String bucket) {
        delegate.deleteBucket(bucket);
    }

    @Override
    public boolean bucketExists(String bucket) {
        return delegate.bucketExists(bucket);
    }

    @Override
    public List<BucketInfo> listBuckets() {
        return delegate.listBuckets();
    }

    @Override
    public ObjectInfo stat(BlobKey key) {
        return delegate.stat(key);
    }

    @Override
    public ObjectReader read(BlobKey key, ReadOptions options) {
        return delegate.read(key, options);
    }

    @Override
    public ObjectInfo write(BlobKey key, ObjectSource source, WriteOptions options) {
        return delegate.write(key, source, options);
    }

    @Override
    public void delete(BlobKey key) {
        delegate.delete(key);
    }

    @Override
    public Map<String, BlobStoreException> deleteAll(String bucket, List<String> keys) {
        return delegate.deleteAll(bucket, keys);
    }

    @Override
    public ListPage list(ListRequest request) {
        return delegate.list(request);
    }

    @Override
    public ObjectInfo copy(BlobKey source, BlobKey target, ReadOptions sourceConditions, WriteOptions options) {
        return delegate.copy(source, target, sourceConditions, options);
    }

    @Override
    public HealthReport health() {
        return delegate.health();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
