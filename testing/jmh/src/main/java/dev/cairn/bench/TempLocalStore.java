package dev.cairn.bench;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.local.LocalBlobStoreProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A local store in a fresh temporary directory with a bucket {@code bench}, without fsync, so
 * benchmark numbers are the software's rather than the disk's; {@link #close} closes the store and
 * deletes the directory.
 */
final class TempLocalStore implements AutoCloseable {
    private final Path dir;
    private final BlobStore store;

    /** @throws IOException when the temporary directory cannot be created */
    TempLocalStore(String prefix) throws IOException {
        dir = Files.createTempDirectory(prefix);
        store = new LocalBlobStoreProvider().open(new BackendSettings(dir,
                Map.of(LocalBlobStoreProvider.MIN_FREE, "0", LocalBlobStoreProvider.FSYNC, "false")));
        store.createBucket("bench");
    }

    BlobStore store() {
        return store;
    }

    /** @throws IOException when the directory cannot be listed; files that will not delete are left */
    @Override
    public void close() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
