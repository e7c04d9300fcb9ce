package dev.cairn.blob.local;

import dev.cairn.blob.BlobKey;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-key mutual exclusion for publishes and deletes, within this process and across processes
 * sharing the root. A key maps to one of {@value #STRIPES} stripes; a stripe is an in-process
 * {@link ReentrantLock} plus a one-byte {@link FileLock} at the stripe's offset in the lock file.
 *
 * <p>The file lock is taken with {@code tryLock} in a short back-off loop rather than the
 * blocking {@code lock}: {@link FileChannel} is interruptible, and an interrupt delivered to a
 * thread blocked in {@code lock} would close the channel shared by every stripe. The interrupt
 * status is cleared around each attempt and restored afterwards for the same reason.
 */
final class KeyLocks implements Closeable {
    static final int STRIPES = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(KeyLocks.class);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** Locks are held only around a rename or unlink, so a wait this long means a stuck peer. */
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    /**
     * One instance per lock file per JVM, shared by every store open on that root: a second
     * channel on the same file would make {@code tryLock} throw for overlaps, and closing it
     * would drop (POSIX) every lock this process holds on the file.
     */
    private static final Map<Path, KeyLocks> OPEN = new HashMap<>(); // guarded by itself

    private final Path file;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private FileChannel channel; // guarded by this
    private int users; // guarded by OPEN

    private KeyLocks(Path file) throws IOException {
        this.file = file;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
        this.channel = open();
    }

    /** The locks of {@code file}, shared with other stores of this JVM on the same root; close when done. */
    static KeyLocks open(Path file) throws IOException {
        Path canonical = file.toAbsolutePath().normalize();
        synchronized (OPEN) {
            KeyLocks locks = OPEN.get(canonical);
            if (locks == null) {
                locks = new KeyLocks(canonical);
                OPEN.put(canonical, locks);
            }
            locks.users++;
            return locks;
        }
    }

    /** A held stripe; closing it releases both locks. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * The stripe of a key. Deterministic across JVMs ({@link String#hashCode} is specified),
     * unlike a record's hash code, so every process picks the same byte for the same key.
     */
    static int stripe(BlobKey key) {
        return Math.floorMod(31 * key.bucket().hashCode() + key.key().hashCode(), STRIPES);
    }

    /**
     * Locks the stripe of {@code key}.
     *
     * @throws IOException when the lock file fails or a peer holds the stripe for longer than the timeout
     */
    Held lock(BlobKey key) throws IOException {
        int stripe = stripe(key);
        ReentrantLock local = stripes[stripe];
        local.lock();
        try {
            FileLock fileLock = acquire(stripe);
            return () -> {
                try {
                    release(fileLock);
                } finally {
                    local.unlock();
                }
            };
        } catch (IOException | RuntimeException | Error e) {
            local.unlock();
            throw e;
        }
    }

    private FileLock acquire(int stripe) throws IOException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        long backoff = TimeUnit.MICROSECONDS.toNanos(100);
        while (true) {
            boolean interrupted = Thread.interrupted();
            try {
                FileLock lock = channel().tryLock(stripe, 1, false);
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException e) {
                // Cannot happen while the in-process stripe lock is held; treat it as a busy peer.
            } catch (ClosedChannelException e) {
                reopenAfter(e);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("timed out waiting for the lock on stripe " + stripe + " of " + file);
            }
            LockSupport.parkNanos(backoff);
            backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
        }
    }

    private static void release(FileLock lock) {
        boolean interrupted = Thread.interrupted();
        try {
            lock.release();
        } catch (ClosedChannelException e) {
            // closing the channel already released the lock
        } catch (IOException e) {
            LOG.warn("releasing a key lock failed; it is released when the lock channel closes", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized FileChannel channel() throws IOException {
        if (channel == null) {
            throw new ClosedChannelException();
        }
        return channel;
    }

    private synchronized void reopenAfter(ClosedChannelException e) throws IOException {
        if (channel == null) {
            throw new IOException("the store is closed", e);
        }
        if (!channel.isOpen()) {
            LOG.warn("key lock file {} was closed (interrupted thread?); reopening", file);
            channel = open();
        }
    }

    private FileChannel open() throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** Drops this store's use; the file is closed when the last store on the root closes. */
    @Override
    public void close() throws IOException {
        synchronized (OPEN) {
            if (users == 0 || --users > 0) {
                return;
            }
            OPEN.remove(file);
        }
        synchronized (this) {
            if (channel != null) {
                channel.close();
                channel = null;
            }
        }
    }
}
