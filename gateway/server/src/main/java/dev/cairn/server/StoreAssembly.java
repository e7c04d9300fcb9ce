package dev.cairn.server;

import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.replicated.HedgeSettings;
import dev.cairn.blob.replicated.Replica;
import dev.cairn.blob.replicated.ReplicatedBlobStore;
import dev.cairn.blob.replicated.ReplicationSettings;
import dev.cairn.blob.replicated.WritePolicy;
import dev.cairn.cache.CacheSettings;
import dev.cairn.cache.ChunkCache;
import dev.cairn.gateway.oap.OapApi;
import dev.cairn.server.config.BackendCatalog;
import dev.cairn.server.config.CairnConfig;
import dev.cairn.server.config.ConfigException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the store the APIs use from the configuration: one backend, or a replica set of them
 * (docs/adr/0015), under the hot-chunk cache (docs/adr/0014) unless {@code cache.max-bytes} is 0.
 */
final class StoreAssembly {
    private StoreAssembly() {
    }

    /**
     * Opens every backend, then the decorators over them. On failure, whatever was opened is closed.
     *
     * @throws ConfigException when a backend rejects its settings or the replica set is invalid
     * @throws BlobStoreException when a backend cannot reach its medium (the message names the replica)
     */
    static BlobStore open(CairnConfig config, BackendCatalog catalog, MeterRegistry registry) {
        BlobStore root = config.replication() == null ? catalog.open(config.storage()) : replicated(config.replication(), catalog, registry);
        try {
            CairnConfig.Cache c = config.cache();
            return ChunkCache.decorate(root, new CacheSettings(c.maxBytes(), c.chunkSize(), c.fillLimit(), c.metadataTtl(),
                    Set.of(OapApi.BUCKET)), registry);
        } catch (RuntimeException | Error e) {
            root.close();
            throw e;
        }
    }

    private static BlobStore replicated(CairnConfig.Replication r, BackendCatalog catalog, MeterRegistry registry) {
        List<Replica> replicas = new ArrayList<>();
        try {
            for (CairnConfig.Replica replica : r.replicas()) {
                replicas.add(new Replica(replica.name(), openReplica(replica, catalog)));
            }
            WritePolicy policy = WritePolicy.valueOf(r.writePolicy().toUpperCase(Locale.ROOT));
            ReplicationSettings settings = new ReplicationSettings(r.rf(), policy,
                    new HedgeSettings(r.hedgeDelay(), r.hedgeBudget(), r.verifyBuffer()), r.repairRate(), r.repairWorkers(),
                    r.scanInterval(), ReplicationSettings.DEFAULT_SCAN_KEYS_PER_SECOND, r.scrubRate());
            return ReplicatedBlobStore.open(replicas, settings, registry);
        } catch (IllegalArgumentException e) {
            closeAll(replicas);
            throw new ConfigException("replication.replicas", "invalid replica set: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            closeAll(replicas);
            throw e;
        }
    }

    private static BlobStore openReplica(CairnConfig.Replica replica, BackendCatalog catalog) {
        try {
            return catalog.open(replica.storage());
        } catch (ConfigException e) {
            throw new ConfigException(e.key(), "replica " + replica.name() + ": " + e.getMessage(), e);
        } catch (BlobStoreException e) {
            throw new BlobStoreException(e.error(), e.storeId(), e.bucket(), e.key(),
                    "replica " + replica.name() + " cannot be opened: " + e.getMessage(), e);
        }
    }

    private static void closeAll(List<Replica> replicas) {
        for (Replica r : replicas) {
            try {
                r.store().close();
            } catch (RuntimeException suppressed) {
                // closing is best effort here: the failure being reported matters more
            }
        }
    }
}
