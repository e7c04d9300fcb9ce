package dev.cairn.cache;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ReadConditions;
import dev.cairn.blob.ReadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a small object whole, once per identity however many readers miss it at the same time
 * (single flight), verifies it against its identity and puts its chunks into the table.
 *
 * <p>The waiting readers receive the loaded chunks themselves, not a promise that the table holds
 * them, so an eviction right after the load cannot fail them.
 */
final class WholeLoader {
    private static final Logger LOG = LoggerFactory.getLogger(WholeLoader.class);

    private final BlobStore store;
    private final ChunkTable table;
    private final ConcurrentMap<ContentId, CompletableFuture<byte[][]>> inFlight = new ConcurrentHashMap<>();

    WholeLoader(BlobStore store, ChunkTable table) {
        this.store = store;
        this.table = table;
    }

    /**
     * All chunks of the version {@code info} describes, or null when that version could not be
     * loaded as it is (it was replaced or deleted meanwhile, the backend failed, or its bytes do not
     * match its digest); the caller then reads through, and the backend gives its own answer.
     */
    byte[][] load(BlobKey key, ObjectInfo info, ContentId id) {
        CompletableFuture<byte[][]> mine = new CompletableFuture<>();
        CompletableFuture<byte[][]> running = inFlight.putIfAbsent(id, mine);
        if (running != null) {
            return running.join();
        }
        try {
            // A load that ended just before we registered has filled the table: use it.
            byte[][] chunks = table.whole(id);
            if (chunks == null) {
                chunks = fetch(key, info);
                if (chunks != null) {
                    table.insert(id, chunks, false);
                }
            }
            mine.complete(chunks);
            return chunks;
        } catch (RuntimeException | Error e) {
            mine.complete(null);
            throw e;
        } finally {
            inFlight.remove(id, mine);
        }
    }

    private byte[][] fetch(BlobKey key, ObjectInfo info) {
        // If-Match pins the version the caller stated; a replaced object fails instead of mixing in.
        ReadOptions pinned = new ReadOptions(null, new ReadConditions(List.of(info.etag()), null, null, null));
        ChunkBuilder builder = new ChunkBuilder(table.layout().chunkSize(), info.size());
        byte[] buffer = new byte[(int) Math.min(64 << 10, Math.max(1, info.size()))];
        try (ObjectReader reader = store.read(key, pinned); InputStream in = reader.stream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                builder.append(buffer, 0, n);
            }
        } catch (BlobStoreException | IOException e) {
            LOG.debug("cache load of {} failed; reading through", key, e);
            return null;
        }
        byte[][] chunks = builder.chunks();
        if (chunks == null || !ContentCheck.matches(info, chunks)) {
            LOG.warn("cache load of {} does not match its digest {}; not cached", key, info.blake3());
            return null;
        }
        return chunks;
    }
}
