package dev.cairn.cache;

import dev.cairn.blob.BlobStore;
import dev.cairn.blob.testkit.AbstractBlobStoreContractTest;
import dev.cairn.blob.testkit.ConditionalWriteContract;
import dev.cairn.blob.testkit.MultipartContract;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Nested;

/**
 * The whole store contract, multipart included (the contracts the memory and local stores
 * declare), through the cache in each of its modes: default settings; 1 KiB chunks in a 16 KiB
 * cache, so objects span many chunks and the suite evicts; identities remembered for an hour and
 * the contract bucket declared immutable, which passes only because every change made through the
 * cache forgets what it remembered; and over the local store.
 */
class ChunkCacheContractTest {

    @Nested
    class OverMemory extends AbstractBlobStoreContractTest implements ConditionalWriteContract, MultipartContract {
        @Override
        protected BlobStore createStore(Path tempDir) {
            return Stores.cached(Stores.memory(tempDir), CacheSettings.defaults());
        }
    }

    @Nested
    class SmallChunksEvictingOverMemory extends AbstractBlobStoreContractTest implements ConditionalWriteContract, MultipartContract {
        @Override
        protected BlobStore createStore(Path tempDir) {
            return Stores.cached(Stores.memory(tempDir), Stores.small(16 << 10));
        }
    }

    @Nested
    class RememberedIdentitiesOverMemory extends AbstractBlobStoreContractTest implements ConditionalWriteContract, MultipartContract {
        @Override
        protected BlobStore createStore(Path tempDir) {
            CacheSettings settings = new CacheSettings(1 << 20, 1024, 256 << 10, Duration.ofHours(1), Set.of(BUCKET));
            return Stores.cached(Stores.memory(tempDir), settings);
        }
    }

    @Nested
    class OverLocal extends AbstractBlobStoreContractTest implements ConditionalWriteContract, MultipartContract {
        @Override
        protected BlobStore createStore(Path tempDir) {
            return Stores.cached(Stores.local(tempDir), Stores.small(64 << 10));
        }
    }
}
