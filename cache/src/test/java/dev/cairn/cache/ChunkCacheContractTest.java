package dev.cairn.cache;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ForwardingMultipartBlobStore;
import dev.cairn.blob.testkit.AbstractBlobStoreContractTest;
import dev.cairn.blob.testkit.ConditionalWriteContract;
import dev.cairn.blob.testkit.MultipartContract;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
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
        private static final AtomicLong EVICTIONS = new AtomicLong();

        @Override
        protected BlobStore createStore(Path tempDir) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            BlobStore cached = ChunkCache.decorate(Stores.memory(tempDir), Stores.small(16 << 10), registry);
            // counts what this test's store evicted when the suite closes it
            return new ForwardingMultipartBlobStore(cached) {
                @Override
                public void close() {
                    EVICTIONS.addAndGet((long) registry.get("cache.evictions").functionCounter().count());
                    super.close();
                }
            };
        }

        @AfterAll
        static void theSuiteEvicted() {
            assertTrue(EVICTIONS.get() > 0, "the small cache never evicted during the suite");
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
