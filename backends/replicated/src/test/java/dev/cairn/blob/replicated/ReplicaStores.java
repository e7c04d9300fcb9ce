package dev.cairn.blob.replicated;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.local.LocalBlobStoreProvider;
import dev.cairn.blob.memory.MemoryBlobStoreProvider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds replica sets over real stores for the tests. */
final class ReplicaStores {
    private ReplicaStores() {
    }

    static BlobStore memory(Path dir) {
        return new MemoryBlobStoreProvider().open(new BackendSettings(dir, Map.of()));
    }

    static BlobStore local(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LocalBlobStoreProvider().open(new BackendSettings(dir, Map.of(LocalBlobStoreProvider.DIR, dir.toString(),
                LocalBlobStoreProvider.MIN_FREE, "0", LocalBlobStoreProvider.FSYNC, "false")));
    }

    static List<Replica> memoryReplicas(Path dir, int n) {
        List<Replica> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Replica("r" + i, memory(dir.resolve("m" + i))));
        }
        return out;
    }

    static List<Replica> localReplicas(Path dir, int n) {
        List<Replica> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Replica("r" + i, local(dir.resolve("l" + i))));
        }
        return out;
    }

    static ReplicationSettings settings(int rf, WritePolicy policy) {
        return new ReplicationSettings(rf, policy, HedgeSettings.defaults(), ReplicationSettings.DEFAULT_REPAIR_RATE, 1, Duration.ZERO);
    }

    static BlobStore open(List<Replica> replicas, ReplicationSettings settings) {
        return ReplicatedBlobStore.open(replicas, settings, new SimpleMeterRegistry());
    }
}
