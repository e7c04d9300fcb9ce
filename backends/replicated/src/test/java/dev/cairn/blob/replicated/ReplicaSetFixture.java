package dev.cairn.blob.replicated;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.testkit.faults.Faults;
import dev.cairn.blob.testkit.faults.FaultyBlobStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** A replicated store over memory or local replicas that a test can take down ({@link Faults}), with its meters. */
final class ReplicaSetFixture implements AutoCloseable {
    /** Each replica as the set sees it: the backend behind its {@link FaultyBlobStore}. */
    final List<BlobStore> raw = new ArrayList<>();
    /** The backends themselves, reachable whatever the faults. */
    final List<BlobStore> backends = new ArrayList<>();
    final List<Faults> faults = new ArrayList<>();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final BlobStore store;

    ReplicaSetFixture(List<BlobStore> backends, ReplicationSettings settings) {
        List<Replica> replicas = new ArrayList<>();
        for (int i = 0; i < backends.size(); i++) {
            Faults f = new Faults();
            BlobStore d = FaultyBlobStore.wrap(backends.get(i), f);
            this.backends.add(backends.get(i));
            faults.add(f);
            raw.add(d);
            replicas.add(new Replica("r" + i, d));
        }
        store = ReplicatedBlobStore.open(replicas, settings, registry);
    }

    static ReplicaSetFixture memory(Path dir, int n, WritePolicy policy) {
        return memory(dir, n, policy, ReplicationSettings.DEFAULT_REPAIR_RATE, Duration.ZERO);
    }

    static ReplicaSetFixture memory(Path dir, int n, WritePolicy policy, long rate, Duration scan) {
        List<BlobStore> stores = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            stores.add(ReplicaStores.memory(dir.resolve("m" + i)));
        }
        return new ReplicaSetFixture(stores, new ReplicationSettings(n, policy, HedgeSettings.defaults(), rate, 1, scan));
    }

    double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    double counter(String name, String... tags) {
        return registry.get(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    double repairTasks() {
        return registry.get("repair.tasks").counters().stream().mapToDouble(Counter::count).sum();
    }

    /** The version replica {@code i} holds, read from the replica itself. */
    ObjectInfo statOn(int i, BlobKey key) {
        return raw.get(i).stat(key);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    static boolean holds(BlobStore replica, BlobKey key, ObjectInfo expected) {
        try {
            ObjectInfo info = replica.stat(key);
            return info.etag().equals(expected.etag()) && info.blake3().equals(expected.blake3()) && info.size() == expected.size();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
