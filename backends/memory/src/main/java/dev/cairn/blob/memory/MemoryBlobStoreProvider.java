package dev.cairn.blob.memory;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreProvider;
import dev.cairn.blob.DataSize;
import java.util.List;

/**
 * The {@code memory} backend ("amnesia" mode): objects live in the JVM heap only, bounded by
 * {@code memory.max-bytes}, and are gone when the process stops. It never writes to disk.
 *
 * <p>Writes beyond the cap fail with {@link dev.cairn.blob.BlobError#INSUFFICIENT_STORAGE}; an
 * overwrite needs room for both versions until it publishes. {@link BlobStore#health()} reports
 * the store not writable once less than {@code min(1 MiB, 1% of the cap)} is free. Supports
 * {@code WRITE_IF_ABSENT} and {@code WRITE_IF_MATCH}, and multipart uploads
 * ({@link dev.cairn.blob.SupportsMultipart}, parts counted against the cap); not {@code DURABLE}.
 */
public final class MemoryBlobStoreProvider implements BlobStoreProvider {
    public static final String NAME = "memory";
    public static final String MAX_BYTES = "memory.max-bytes";
    public static final String DEFAULT_MAX_BYTES = "256MiB";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<BackendSettings.Option> options() {
        return List.of(new BackendSettings.Option(MAX_BYTES, DEFAULT_MAX_BYTES,
                "most object bytes held in the heap; writes beyond it fail with InsufficientStorage"));
    }

    /**
     * @throws IllegalArgumentException naming {@code memory.max-bytes} when it is not a positive
     *     size or exceeds the JVM's maximum heap
     */
    @Override
    public BlobStore open(BackendSettings settings) {
        long max = settings.size(MAX_BYTES, DEFAULT_MAX_BYTES);
        if (max <= 0) {
            throw new IllegalArgumentException(MAX_BYTES + ": must be greater than 0");
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (heap != Long.MAX_VALUE && max > heap) {
            throw new IllegalArgumentException(MAX_BYTES + ": " + DataSize.format(max) + " exceeds the JVM heap of "
                    + DataSize.format(heap) + "; lower it or raise -Xmx");
        }
        return new MemoryBlobStore(max);
    }
}
