package dev.cairn.blob.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * fsync of files and directories, or nothing when {@code local.fsync=false}. A rename or a new
 * directory entry is only durable once its directory is synced, so every publish syncs the
 * target directory and every new directory syncs its parent.
 */
final class Durability {
    private final boolean enabled;

    Durability(boolean enabled) {
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    void syncFile(FileChannel ch) throws IOException {
        if (enabled) {
            ch.force(true);
        }
    }

    void syncDirectory(Path dir) throws IOException {
        if (enabled) {
            try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
                ch.force(true);
            }
        }
    }
}
