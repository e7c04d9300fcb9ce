package dev.cairn.blob.replicated;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.BucketInfo;
import dev.cairn.blob.ListPage;
import dev.cairn.blob.ListRequest;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ReadOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Function;

/**
 * The read side of a replica set: {@code stat}, {@code read}, {@code list}, {@code bucketExists}
 * and {@code listBuckets}, asked of the replicas in preference order.
 *
 * <p>FIRST SLICE (to be replaced by the hedging implementation): plain failover, one replica at a
 * time. A retryable error moves on to the next replica. A final answer (any non-retryable error
 * other than "absent") ends the read. "Absent" ({@link BlobError#NO_SUCH_KEY},
 * {@link BlobError#NO_SUCH_BUCKET}) is final only once {@code absentQuorum} replicas have said so,
 * so a write acknowledged at quorum is never answered 404 by a replica it has not reached yet;
 * the replicas that answered absent for a key that another replica holds are reported to the
 * repair sink.
 */
final class HedgedReads implements AutoCloseable {
    private final List<Replica> replicas;
    private final HedgeSettings settings;
    private final int absentQuorum;
    private final RepairSink repairs;

    /**
     * @param absentQuorum replicas that must answer NO_SUCH_KEY / NO_SUCH_BUCKET before the read
     *     answers it: 1 when every write reaches every replica, {@code rf - writeQuorum + 1} otherwise
     */
    HedgedReads(List<Replica> replicas, HedgeSettings settings, int absentQuorum, RepairSink repairs, MeterRegistry registry) {
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("no replicas");
        }
        if (absentQuorum < 1 || absentQuorum > replicas.size()) {
            throw new IllegalArgumentException("absentQuorum must be 1.." + replicas.size());
        }
        this.replicas = List.copyOf(replicas);
        this.settings = settings;
        this.absentQuorum = absentQuorum;
        this.repairs = repairs;
    }

    ObjectInfo stat(BlobKey key) {
        return first(key, r -> r.store().stat(key));
    }

    ObjectReader read(BlobKey key, ReadOptions options) {
        return first(key, r -> r.store().read(key, options));
    }

    ListPage list(ListRequest request) {
        return first(null, r -> r.store().list(request));
    }

    boolean bucketExists(String bucket) {
        return first(null, r -> r.store().bucketExists(bucket));
    }

    List<BucketInfo> listBuckets() {
        return first(null, r -> r.store().listBuckets());
    }

    private <T> T first(BlobKey key, Function<Replica, T> call) {
        BlobStoreException last = null;
        int absent = 0;
        List<Integer> absentOn = new java.util.ArrayList<>();
        for (int i = 0; i < replicas.size(); i++) {
            try {
                T result = call.apply(replicas.get(i));
                if (key != null) {
                    for (int missing : absentOn) {
                        repairs.enqueue(key, missing, RepairSink.Reason.MISSING);
                    }
                }
                return result;
            } catch (BlobStoreException e) {
                last = e;
                if (e.error() == BlobError.NO_SUCH_KEY || e.error() == BlobError.NO_SUCH_BUCKET) {
                    absentOn.add(i);
                    if (++absent >= absentQuorum) {
                        throw e;
                    }
                } else if (!e.error().retryable()) {
                    throw e;
                }
            }
        }
        throw last;
    }

    @Override
    public void close() {
    }
}
