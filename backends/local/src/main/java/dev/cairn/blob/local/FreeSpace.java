package dev.cairn.blob.local;

import dev.cairn.blob.DataSize;
import java.io.IOException;
import java.nio.file.FileStore;

/**
 * The {@code local.min-free} floor: the store keeps at least this much usable space, refusing
 * writes that would cross it, so the filesystem never fills up under the gateway (and whatever
 * else shares it) in the middle of a write.
 */
final class FreeSpace {
    private final FileStore store;
    private final long minFree;

    FreeSpace(FileStore store, long minFree) {
        this.store = store;
        this.minFree = minFree;
    }

    long usable() throws IOException {
        return store.getUsableSpace();
    }

    /**
     * Null when {@code upcoming} more bytes can be written without going below the floor,
     * otherwise a reason for the operator.
     */
    String shortfall(long upcoming) throws IOException {
        long usable = usable();
        if (usable - upcoming < minFree) {
            return "usable space " + DataSize.format(usable)
                    + (upcoming > 0 ? " minus " + DataSize.format(upcoming) + " to write" : "")
                    + " is below local.min-free " + DataSize.format(minFree);
        }
        return null;
    }
}
