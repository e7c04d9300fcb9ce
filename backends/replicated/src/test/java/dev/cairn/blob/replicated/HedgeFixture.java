package dev.cairn.blob.replicated;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.memory.MemoryBlobStoreProvider;
import dev.cairn.blob.testkit.ContractSupport;
import dev.cairn.blob.testkit.MultipartSupport;
import dev.cairn.blob.testkit.faults.Faults;
import dev.cairn.blob.testkit.faults.FaultyBlobStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Real memory replicas, each behind a {@link FaultyBlobStore} with its own {@link Faults}, and
 * {@link HedgedReads} over them with a recording repair sink and a private registry.
 */
final class HedgeFixture implements AutoCloseable {
    static final String BUCKET = "b";

    /** A repair task the sink received. */
    record Repair(BlobKey key, int replica, RepairSink.Reason reason) {
    }

    final List<BlobStore> raw = new ArrayList<>();
    final List<Faults> faults = new ArrayList<>();
    final List<Replica> replicas = new ArrayList<>();
    final List<Repair> repairs = new CopyOnWriteArrayList<>();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final HedgedReads reads;

    HedgeFixture(int count, HedgeSettings settings, int absentQuorum) {
        this(count, settings, absentQuorum, true);
    }

    /** @param adaptiveOrder false: every call asks the replicas in configured order (the old behaviour) */
    HedgeFixture(int count, HedgeSettings settings, int absentQuorum, boolean adaptiveOrder) {
        for (int i = 0; i < count; i++) {
            BlobStore memory = new MemoryBlobStoreProvider().open(
                    new BackendSettings(Path.of("unused"), Map.of(MemoryBlobStoreProvider.MAX_BYTES, "64MiB")));
            memory.createBucket(BUCKET);
            Faults f = new Faults(i + 1);
            raw.add(memory);
            faults.add(f);
            replicas.add(new Replica("r" + i, FaultyBlobStore.wrap(memory, f)));
        }
        reads = new HedgedReads(replicas, settings, absentQuorum,
                (key, replica, reason) -> repairs.add(new Repair(key, replica, reason)), registry, adaptiveOrder);
    }

    static HedgeSettings hedgeAfter(Duration delay, double budget) {
        return new HedgeSettings(delay, budget, HedgeSettings.DEFAULT_VERIFY_BUFFER);
    }

    /** Writes {@code data} to every replica directly (no faults) and returns the first's metadata. */
    ObjectInfo putEverywhere(BlobKey key, byte[] data) {
        ObjectInfo first = null;
        for (BlobStore store : raw) {
            ObjectInfo info = ContractSupport.put(store, key, data);
            first = first == null ? info : first;
        }
        return first;
    }

    /** Writes {@code parts} as one multipart object to every replica directly and returns the first's metadata. */
    ObjectInfo putMultipartEverywhere(BlobKey key, List<byte[]> parts) {
        return putMultipart(raw, key, parts);
    }

    /** Completes the same multipart upload on each store (bucket present); returns the first one's version. */
    static ObjectInfo putMultipart(List<BlobStore> stores, BlobKey key, List<byte[]> parts) {
        ObjectInfo first = null;
        for (BlobStore store : stores) {
            SupportsMultipart mp = (SupportsMultipart) store;
            String id = mp.createMultipartUpload(key, WriteOptions.DEFAULTS).uploadId();
            List<SupportsMultipart.PartInfo> done = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                done.add(mp.uploadPart(key, id, i + 1, ObjectSource.of(parts.get(i)), WriteOptions.DEFAULTS));
            }
            ObjectInfo info = mp.completeMultipartUpload(key, id, MultipartSupport.completed(done), WritePrecondition.NONE, 0);
            first = first == null ? info : first;
        }
        return first;
    }

    byte[] readWhole(BlobKey key) {
        try (ObjectReader r = reads.read(key, ReadOptions.WHOLE)) {
            return r.stream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    double hedges(String outcome) {
        Counter c = registry.find("hedges").tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    double atRest() {
        Counter c = registry.find("integrity.fail").tag("reason", "at_rest").counter();
        return c == null ? 0 : c.count();
    }

    @Override
    public void close() {
        reads.close();
        raw.forEach(BlobStore::close);
    }
}
