package dev.cairn.blob.local;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where in-flight writes are spooled: a private directory {@code tmp/<id>/} per open store, kept
 * alive by an exclusive lock on {@code tmp/<id>.lock}.
 *
 * <p>A private, locked directory (rather than loose files in {@code tmp/}) lets a store starting
 * on a root that another live process uses clean only what crashed processes left behind: a
 * directory whose lock can be taken belongs to nobody. The lock file is created and locked
 * before its directory and removed after it, so a directory without a lock file is an orphan.
 */
final class TempArea implements Closeable {
    private static final String LOCK_SUFFIX = ".lock";
    /**
     * Lock files held by stores in this JVM. Cleaning must not even open them: on POSIX, closing
     * any descriptor of a file drops every lock this process holds on it.
     */
    private static final Set<Path> OWNED = ConcurrentHashMap.newKeySet();
    private static final int CLAIM_ATTEMPTS = 5;

    private final Path dir;
    private final Path lockFile;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AtomicLong counter = new AtomicLong();
    private final int cleaned;

    private TempArea(Path dir, Path lockFile, FileChannel lockChannel, FileLock lock, int cleaned) {
        this.dir = dir;
        this.lockFile = lockFile;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.cleaned = cleaned;
    }

    /** Cleans what dead writers left in {@code tmpRoot}, then claims a private directory. */
    static TempArea open(Path tmpRoot) throws IOException {
        Files.createDirectories(tmpRoot);
        int cleaned = cleanLeftovers(tmpRoot);
        for (int attempt = 1; ; attempt++) {
            String id = UUID.randomUUID().toString();
            Path lockFile = tmpRoot.resolve(id + LOCK_SUFFIX).toAbsolutePath();
            OWNED.add(lockFile);
            FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                FileLock lock = ch.lock();
                // A process cleaning at the same moment may have locked and unlinked the new file
                // before we locked it; then our lock is on an orphan inode, so start again.
                if (Files.exists(lockFile)) {
                    Path dir = tmpRoot.resolve(id);
                    Files.createDirectory(dir);
                    return new TempArea(dir, lockFile, ch, lock, cleaned);
                }
                ch.close();
                OWNED.remove(lockFile);
                if (attempt == CLAIM_ATTEMPTS) {
                    throw new IOException("could not claim a temporary directory in " + tmpRoot);
                }
            } catch (IOException | RuntimeException e) {
                ch.close();
                Files.deleteIfExists(lockFile);
                OWNED.remove(lockFile);
                throw e;
            }
        }
    }

    /** How many leftover temporary files were deleted at start-up. */
    int cleaned() {
        return cleaned;
    }

    Path dir() {
        return dir;
    }

    /** A fresh name for a temporary file; the file is not created. */
    Path newFile() {
        return dir.resolve(counter.incrementAndGet() + ".part");
    }

    private static int cleanLeftovers(Path tmpRoot) throws IOException {
        int files = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmpRoot)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.endsWith(LOCK_SUFFIX)) {
                    files += cleanIfUnowned(tmpRoot.resolve(name.substring(0, name.length() - LOCK_SUFFIX.length())), entry);
                } else if (!Files.exists(tmpRoot.resolve(name + LOCK_SUFFIX))) {
                    files += deleteTree(entry);
                }
            }
        }
        return files;
    }

    private static int cleanIfUnowned(Path dir, Path lockFile) throws IOException {
        if (OWNED.contains(lockFile.toAbsolutePath())) {
            return 0;
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                return 0; // another store in this JVM owns it
            }
            if (lock == null) {
                return 0; // a live process owns it
            }
            int files = deleteTree(dir);
            Files.deleteIfExists(lockFile);
            return files;
        } catch (NoSuchFileException e) {
            return 0; // another starting process cleaned it first
        }
    }

    /** Deletes a file or directory tree, counting the regular files removed. */
    private static int deleteTree(Path p) throws IOException {
        int files = 0;
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(p)) {
                for (Path child : children) {
                    files += deleteTree(child);
                }
            } catch (NoSuchFileException e) {
                return files;
            }
            Files.deleteIfExists(p);
            return files;
        }
        return Files.deleteIfExists(p) ? files + 1 : files;
    }

    /** Releases the directory; files still in it (none after orderly writes) are deleted. */
    @Override
    public void close() throws IOException {
        try {
            deleteTree(dir);
            Files.deleteIfExists(lockFile);
        } finally {
            try {
                lock.release();
            } finally {
                lockChannel.close();
                OWNED.remove(lockFile);
            }
        }
    }
}
