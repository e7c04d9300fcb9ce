package dev.cairn.blob.local;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The local backend's settings.
 *
 * @param root the data directory ({@code local.dir})
 * @param minFreeBytes below this much usable space the store refuses writes ({@code local.min-free})
 * @param fsync whether files and directories are synced before a write is acknowledged ({@code local.fsync})
 */
record LocalConfig(Path root, long minFreeBytes, boolean fsync) {
    LocalConfig {
        Objects.requireNonNull(root, "root");
        if (minFreeBytes < 0) {
            throw new IllegalArgumentException("min-free must be >= 0");
        }
        root = root.toAbsolutePath().normalize();
    }
}
