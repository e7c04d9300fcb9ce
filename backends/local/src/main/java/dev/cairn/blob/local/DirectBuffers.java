package dev.cairn.blob.local;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small pool of direct buffers for reads that hand file bytes straight to a socket: a file read
 * into a direct buffer needs no bounce through the JDK's temporary direct buffer, and a socket
 * write from one needs none either. Allocating direct memory is slow and freed only by the GC, so
 * buffers are kept for reuse, up to {@link #KEPT} of them; beyond that (more transfers at once)
 * they are allocated and dropped.
 */
final class DirectBuffers {
    /** One file read per socket write; 64 KiB matches the cache's chunk and the socket buffers. */
    static final int SIZE = 64 * 1024;
    private static final int KEPT = 64;

    private static final ConcurrentLinkedQueue<ByteBuffer> FREE = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger FREE_COUNT = new AtomicInteger();

    private DirectBuffers() {
    }

    /** A cleared buffer of {@link #SIZE} bytes; give it back with {@link #release}. */
    static ByteBuffer take() {
        ByteBuffer b = FREE.poll();
        if (b == null) {
            return ByteBuffer.allocateDirect(SIZE);
        }
        FREE_COUNT.decrementAndGet();
        return b.clear();
    }

    /** Returns a buffer from {@link #take} once nothing refers to its bytes any more. */
    static void release(ByteBuffer b) {
        if (FREE_COUNT.incrementAndGet() <= KEPT) {
            FREE.offer(b);
        } else {
            FREE_COUNT.decrementAndGet();
        }
    }
}
