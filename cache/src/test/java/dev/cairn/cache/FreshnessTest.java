package dev.cairn.cache;

import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static dev.cairn.blob.testkit.ContractSupport.put;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static dev.cairn.blob.testkit.ContractSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ReadOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which calls a cached read makes, and how long a version may be served after another node changed it. */
class FreshnessTest {
    private static final BlobKey KEY = new BlobKey("b", "k");
    private static final BlobKey IMMUTABLE = new BlobKey("imm", "blob");

    private static BlobStore open(CountingStore counting, Duration ttl) {
        counting.underlying().createBucket("b");
        counting.underlying().createBucket("imm");
        return Stores.cached(counting, new CacheSettings(1 << 20, 1024, 256 << 10, ttl, Set.of("imm")));
    }

    @Test
    void withoutATtlAHitStatsTheStoreButNeverReadsIt(@TempDir Path dir) {
        CountingStore counting = new CountingStore(Stores.memory(dir));
        BlobStore cache = open(counting, Duration.ZERO);
        put(cache, KEY, utf8("x".repeat(3000)));
        for (int i = 0; i < 5; i++) {
            readAll(cache, KEY);
        }
        assertEquals(0, counting.reads.get(), "hits must not read the store");
        assertEquals(5, counting.stats.get(), "without a TTL every read revalidates the identity");
    }

    @Test
    void statFollowsTheSameFreshnessAsReads(@TempDir Path dir) {
        CountingStore counting = new CountingStore(Stores.memory(dir));
        BlobStore fresh = open(counting, Duration.ZERO);
        put(fresh, KEY, utf8("abc"));
        put(fresh, IMMUTABLE, utf8("blob"));
        int before = counting.stats.get();
        for (int i = 0; i < 3; i++) {
            assertEquals(3, fresh.stat(KEY).size());
            assertEquals(4, fresh.stat(IMMUTABLE).size());
        }
        assertEquals(before + 3 + 1, counting.stats.get(), "an ordinary key is asked every time, an immutable one once");
        put(counting.underlying(), KEY, utf8("abcd"));
        assertEquals(4, fresh.stat(KEY).size(), "another node's overwrite is seen at once without a TTL");
        counting.underlying().delete(KEY);
        assertBlobError(BlobError.NO_SUCH_KEY, () -> fresh.stat(KEY));
    }

    @Test
    void withoutATtlAnotherNodesOverwriteIsSeenAtOnce(@TempDir Path dir) {
        CountingStore counting = new CountingStore(Stores.memory(dir));
        BlobStore cache = open(counting, Duration.ZERO);
        put(cache, KEY, utf8("one"));
        readAll(cache, KEY);
        put(counting.underlying(), KEY, utf8("two"));
        assertArrayEquals(utf8("two"), readAll(cache, KEY));
        counting.underlying().delete(KEY);
        assertBlobError(BlobError.NO_SUCH_KEY, () -> cache.read(KEY, ReadOptions.WHOLE));
    }

    @Test
    void withATtlAHitTouchesNothingAndAnotherNodesOverwriteIsStaleUntilOwnWrite(@TempDir Path dir) throws IOException {
        CountingStore counting = new CountingStore(Stores.memory(dir));
        BlobStore cache = open(counting, Duration.ofHours(1));
        ObjectInfo one = put(cache, KEY, utf8("one"));
        readAll(cache, KEY);
        int stats = counting.stats.get();
        put(counting.underlying(), KEY, utf8("two")); // another node
        for (int i = 0; i < 3; i++) {
            try (ObjectReader r = cache.read(KEY, ReadOptions.WHOLE)) {
                assertArrayEquals(utf8("one"), readAll(r), "inside the TTL the remembered version is served");
                assertEquals(one.etag(), r.info().etag(), "with its own metadata");
            }
        }
        assertEquals(stats, counting.stats.get(), "inside the TTL no stat");
        assertEquals(0, counting.reads.get());
        put(cache, KEY, utf8("three")); // this node's write forgets the remembered version
        assertArrayEquals(utf8("three"), readAll(cache, KEY));
        cache.delete(KEY);
        assertBlobError(BlobError.NO_SUCH_KEY, () -> cache.read(KEY, ReadOptions.WHOLE));
    }

    @Test
    void aShortTtlExpires(@TempDir Path dir) throws InterruptedException {
        CountingStore counting = new CountingStore(Stores.memory(dir));
        BlobStore cache = open(counting, Duration.ofMillis(50));
        put(cache, KEY, utf8("one"));
        readAll(cache, KEY);
        put(counting.underlying(), KEY, utf8("two"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!new String(readAll(cache, KEY)).equals("two")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the overwrite was never seen after the 50 ms TTL");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void anImmutableBucketIsStatedOnceAndForgottenOnlyByOwnWritesAndDeletes(@TempDir Path dir) {
        CountingStore counting = new CountingStore(Stores.memory(dir));
        BlobStore cache = open(counting, Duration.ZERO);
        put(cache, IMMUTABLE, utf8("content"));
        for (int i = 0; i < 10; i++) {
            assertArrayEquals(utf8("content"), readAll(cache, IMMUTABLE));
        }
        assertEquals(1, counting.stats.get(), "an immutable bucket's identity is never revalidated");
        assertEquals(0, counting.reads.get());
        cache.delete(IMMUTABLE);
        assertBlobError(BlobError.NO_SUCH_KEY, () -> cache.read(IMMUTABLE, ReadOptions.WHOLE));
        put(cache, IMMUTABLE, utf8("again"));
        assertArrayEquals(utf8("again"), readAll(cache, IMMUTABLE));
    }

    @Test
    void conditionsAreEvaluatedAgainstTheServedVersion(@TempDir Path dir) {
        CountingStore counting = new CountingStore(Stores.memory(dir));
        BlobStore cache = open(counting, Duration.ofHours(1));
        ObjectInfo one = put(cache, KEY, utf8("one"));
        readAll(cache, KEY); // remembers "one"
        put(counting.underlying(), KEY, utf8("two")); // unseen inside the TTL
        ReadOptions ifNoneMatch = new ReadOptions(null, new dev.cairn.blob.ReadConditions(null, java.util.List.of(one.etag()), null, null));
        assertBlobError(BlobError.NOT_MODIFIED, () -> cache.read(KEY, ifNoneMatch));
        ReadOptions ifMatchOther = new ReadOptions(null, new dev.cairn.blob.ReadConditions(java.util.List.of("0".repeat(32)), null, null, null));
        assertBlobError(BlobError.PRECONDITION_FAILED, () -> cache.read(KEY, ifMatchOther));
        assertBlobError(BlobError.INVALID_RANGE, () -> cache.read(KEY, ReadOptions.range(new dev.cairn.blob.ByteRange.From(3))));
    }
}
