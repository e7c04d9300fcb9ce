package dev.cairn.gateway.oap;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.BucketInfo;
import dev.cairn.blob.Capability;
import dev.cairn.blob.ListPage;
import dev.cairn.blob.ListRequest;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.WriteOptions;
import java.util.List;
import java.util.Set;

/** Delegates to a real store, but object operations fail on demand: for the error mapping tests. */
final class FaultyStore implements BlobStore {
    private final BlobStore delegate;
    private volatile BlobError failure;
    private volatile boolean runtime;

    FaultyStore(BlobStore delegate) {
        this.delegate = delegate;
    }

    void failWith(BlobError error) {
        this.failure = error;
        this.runtime = false;
    }

    void failWithRuntime() {
        this.failure = null;
        this.runtime = true;
    }

    private void maybeFail(BlobKey key) {
        if (runtime) {
            throw new IllegalStateException("injected NullPointerException-like bug");
        }
        BlobError e = failure;
        if (e != null) {
            throw new BlobStoreException(e, id(), key, "injected failure");
        }
    }

    @Override
    public String id() {
        return "faulty";
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
        maybeFail(key);
        return delegate.stat(key);
    }

    @Override
    public ObjectReader read(BlobKey key, ReadOptions options) {
        maybeFail(key);
        return delegate.read(key, options);
    }

    @Override
    public ObjectInfo write(BlobKey key, ObjectSource source, WriteOptions options) {
        maybeFail(key);
        return delegate.write(key, source, options);
    }

    @Override
    public void delete(BlobKey key) {
        delegate.delete(key);
    }

    @Override
    public ListPage list(ListRequest request) {
        return delegate.list(request);
    }
}
