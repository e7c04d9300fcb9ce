package dev.cairn.blob.testkit.faults;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.BucketInfo;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ForwardingBlobStore;
import dev.cairn.blob.ForwardingMultipartBlobStore;
import dev.cairn.blob.HealthReport;
import dev.cairn.blob.ListPage;
import dev.cairn.blob.ListRequest;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.testkit.faults.Faults.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A test decorator that injects the {@link Faults} it is given into every call of a store:
 * latency, errors, a store that is down, cut and corrupted read streams. With no fault set it is
 * transparent (it passes the whole contract suite).
 *
 * <p>Make one with {@link #wrap}: over a store with multipart uploads the result is a
 * {@link SupportsMultipart} too, whose multipart calls meet the faults aimed at
 * {@link Operation#MULTIPART} (docs/adr/0010).
 */
public final class FaultyBlobStore extends ForwardingBlobStore {
    private final Faults faults;

    /** Use {@link #wrap}, which keeps multipart. */
    FaultyBlobStore(BlobStore delegate, Faults faults) {
        super(delegate);
        this.faults = faults;
    }

    /**
     * {@code delegate} with {@code faults} injected; a {@link SupportsMultipart} when
     * {@code delegate} is one. Closing the result closes {@code delegate}.
     */
    public static BlobStore wrap(BlobStore delegate, Faults faults) {
        FaultyBlobStore objects = new FaultyBlobStore(delegate, faults);
        if (!(delegate instanceof SupportsMultipart)) {
            return objects;
        }
        return new FaultyMultipartCalls(ForwardingMultipartBlobStore.preserving(objects, delegate), faults);
    }

    @Override
    public void createBucket(String bucket) {
        faults.before(Operation.BUCKET, id(), bucket, null);
        super.createBucket(bucket);
    }

    @Override
    public void deleteBucket(String bucket) {
        faults.before(Operation.BUCKET, id(), bucket, null);
        super.deleteBucket(bucket);
    }

    @Override
    public boolean bucketExists(String bucket) {
        faults.before(Operation.BUCKET, id(), bucket, null);
        return super.bucketExists(bucket);
    }

    @Override
    public List<BucketInfo> listBuckets() {
        faults.before(Operation.BUCKET, id(), null, null);
        return super.listBuckets();
    }

    @Override
    public ObjectInfo stat(BlobKey key) {
        faults.before(Operation.STAT, id(), key);
        return super.stat(key);
    }

    @Override
    public ObjectReader read(BlobKey key, ReadOptions options) {
        faults.before(Operation.READ, id(), key);
        ObjectReader reader = super.read(key, options);
        faults.readerOpened();
        return new FaultyReader(reader, faults.wrapRead(reader.stream(), reader.range().offset(), reader.range().length()), faults);
    }

    @Override
    public ObjectInfo write(BlobKey key, ObjectSource source, WriteOptions options) {
        faults.before(Operation.WRITE, id(), key);
        return super.write(key, source, options);
    }

    @Override
    public void delete(BlobKey key) {
        faults.before(Operation.DELETE, id(), key);
        super.delete(key);
    }

    @Override
    public Map<String, BlobStoreException> deleteAll(String bucket, List<String> keys) {
        faults.before(Operation.DELETE, id(), bucket, null);
        return super.deleteAll(bucket, keys);
    }

    @Override
    public ListPage list(ListRequest request) {
        faults.before(Operation.LIST, id(), request.bucket(), null);
        return super.list(request);
    }

    @Override
    public ObjectInfo copy(BlobKey source, BlobKey target, ReadOptions sourceConditions, WriteOptions options) {
        faults.before(Operation.COPY, id(), target);
        return super.copy(source, target, sourceConditions, options);
    }

    @Override
    public HealthReport health() {
        return faults.isDown() ? new HealthReport(false, false, "injected fault: store is down") : super.health();
    }

    /** A reader whose stream carries the injected stream faults; closing it closes the original and counts the close once. */
    private static final class FaultyReader implements ObjectReader {
        private final ObjectReader reader;
        private final InputStream stream;
        private final Faults faults;
        private final AtomicBoolean closed = new AtomicBoolean();

        FaultyReader(ObjectReader reader, InputStream stream, Faults faults) {
            this.reader = reader;
            this.stream = stream;
            this.faults = faults;
        }

        @Override
        public ObjectInfo info() {
            return reader.info();
        }

        @Override
        public ByteRange.Resolved range() {
            return reader.range();
        }

        @Override
        public InputStream stream() {
            return stream;
        }

        @Override
        public void close() throws IOException {
            if (closed.compareAndSet(false, true)) {
                faults.readerClosed();
            }
            reader.close();
        }
    }
}
