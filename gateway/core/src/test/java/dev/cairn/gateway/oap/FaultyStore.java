package dev.cairn.gateway.oap;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ForwardingBlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.WriteOptions;

/** Delegates to a real store, but object operations fail on demand: for the error mapping tests. */
final class FaultyStore extends ForwardingBlobStore {
    private volatile BlobError failure;
    private volatile boolean runtime;

    FaultyStore(BlobStore delegate) {
        super(delegate);
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
    public ObjectInfo stat(BlobKey key) {
        maybeFail(key);
        return delegate().stat(key);
    }

    @Override
    public ObjectReader read(BlobKey key, ReadOptions options) {
        maybeFail(key);
        return delegate().read(key, options);
    }

    @Override
    public ObjectInfo write(BlobKey key, ObjectSource source, WriteOptions options) {
        maybeFail(key);
        return delegate().write(key, source, options);
    }


}
