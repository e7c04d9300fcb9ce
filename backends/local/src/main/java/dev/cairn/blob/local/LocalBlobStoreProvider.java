package dev.cairn.blob.local;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.BlobStoreProvider;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The embedded filesystem backend, {@code backend: local}.
 *
 * <p>Settings:
 * <ul>
 *   <li>{@value #DIR}: the data directory; empty means the gateway's data directory. A relative
 *       path is resolved against the working directory.
 *   <li>{@value #MIN_FREE} (default {@value #DEFAULT_MIN_FREE}): usable space the store keeps
 *       free. Below it {@link BlobStore#health()} reports the store not writable and writes fail
 *       with {@link BlobError#INSUFFICIENT_STORAGE}.
 *   <li>{@value #FSYNC} (default {@code true}): sync files and directories before acknowledging
 *       a write; when false the store does not claim {@code DURABLE}.
 * </ul>
 */
public final class LocalBlobStoreProvider implements BlobStoreProvider {
    public static final String NAME = "local";
    public static final String DIR = "local.dir";
    public static final String MIN_FREE = "local.min-free";
    public static final String FSYNC = "local.fsync";
    static final String DEFAULT_MIN_FREE = "256MiB";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<BackendSettings.Option> options() {
        return List.of(
                new BackendSettings.Option(DIR, "", "data directory (empty: the gateway's data directory)"),
                new BackendSettings.Option(MIN_FREE, DEFAULT_MIN_FREE, "free space to keep; writes fail below it"),
                new BackendSettings.Option(FSYNC, "true", "fsync files and directories before acknowledging writes"));
    }

    /**
     * Opens the store, creating its directories and cleaning up after crashed writes.
     *
     * @throws IllegalArgumentException naming the setting, when a setting is invalid (including a
     *     {@value #DIR} on a case-insensitive filesystem)
     * @throws BlobStoreException {@link BlobError#UNAVAILABLE} when the directory cannot be prepared
     */
    @Override
    public BlobStore open(BackendSettings settings) {
        return LocalBlobStore.open(config(settings));
    }

    static LocalConfig config(BackendSettings settings) {
        String dir = settings.string(DIR, "");
        Path root;
        try {
            root = dir.isEmpty() ? settings.dataDir() : Path.of(dir);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(DIR + ": '" + dir + "' is not a path", e);
        }
        long minFree = settings.size(MIN_FREE, DEFAULT_MIN_FREE);
        String fsync = settings.string(FSYNC, "true").toLowerCase(Locale.ROOT);
        if (!fsync.equals("true") && !fsync.equals("false")) {
            throw new IllegalArgumentException(FSYNC + ": '" + fsync + "' is not true or false");
        }
        return new LocalConfig(root, minFree, Boolean.parseBoolean(fsync));
    }
}
