package dev.cairn.bench.multipart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Reads a server's counters between phases after {@code sync} (so dirty pages one phase left
 * behind are written back before the next phase is timed, instead of slowing it), and optionally
 * after dropping the page cache (root only) so that later reads come from the disk.
 */
final class Probe {
    private final long pid;
    private final boolean dropCaches;

    Probe(long pid, boolean dropCaches) {
        this.pid = pid;
        this.dropCaches = dropCaches;
    }

    long pid() {
        return pid;
    }

    /** @throws IllegalStateException if {@code sync} fails or the cache cannot be dropped */
    ProcCounters settleAndRead() {
        ProcCounters counters = ProcCounters.of(pid);
        settle(dropCaches);
        return counters;
    }

    static void settle(boolean dropCaches) {
        try {
            Process sync = new ProcessBuilder("sync").inheritIO().start();
            if (!sync.waitFor(5, TimeUnit.MINUTES) || sync.exitValue() != 0) {
                throw new IllegalStateException("sync failed");
            }
            if (dropCaches) {
                Files.writeString(Path.of("/proc/sys/vm/drop_caches"), "3");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dropCaches ? "cannot sync or drop caches (needs root)" : "cannot run sync", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted in sync", e);
        }
    }
}
