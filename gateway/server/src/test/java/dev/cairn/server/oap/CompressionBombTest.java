package dev.cairn.server.oap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compression bombs against a running gateway: each is refused with 413 (or 415 for stacked
 * codings) within a time bound, and the heap, sampled while the request runs, stays far below the
 * bomb's inflated size. Complements {@link OapHostileInputTest}, which checks the caps' messages.
 */
@Timeout(value = 120, unit = java.util.concurrent.TimeUnit.SECONDS)
class CompressionBombTest {
    private static final long INFLATED = 512L << 20;
    /** Expected time is well under a second; 10 s allows a loaded 2-core machine. */
    private static final long TIME_BOUND_NANOS = 10_000_000_000L;
    /** The bomb inflates to 512 MiB; buffering it would blow far past this. */
    private static final long HEAP_GROWTH_BOUND = 128L << 20;

    @TempDir
    static Path dir;
    static OapServer s;

    @BeforeAll
    static void start() {
        s = OapServer.start(dir, Map.of());
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void aGzipBombIs413FastWithBoundedHeap() throws Exception {
        byte[] bomb = Bombs.gzipOfZeros(INFLATED);
        assertTrue(bomb.length < 1 << 20, "fits under oap.max-body: " + bomb.length);
        assertRefused(413, () -> s.write("PUT", "/put", bomb, "Content-Encoding", "gzip"));
    }

    @Test
    void aNestedBombIs413FastWithBoundedHeap() throws Exception {
        byte[] bomb = Bombs.nested(INFLATED);
        // declared once: the outer layer alone trips the ratio; the gateway never inflates twice
        assertRefused(413, () -> s.write("PUT", "/put", bomb, "Content-Encoding", "gzip"));
    }

    @Test
    void stackedCodingsAreRefusedWithoutInflating() throws Exception {
        byte[] bomb = Bombs.nested(INFLATED);
        assertRefused(415, () -> s.write("PUT", "/put", bomb, "Content-Encoding", "gzip, gzip"));
    }

    @Test
    void aChunkedBombIs413Too() throws Exception {
        byte[] bomb = Bombs.gzipOfZeros(INFLATED);
        assertRefused(413, () -> s.send(s.request("/put").header("Authorization", OapServer.AUTH).header("Content-Encoding", "gzip")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bomb))).build()));
    }

    private static void assertRefused(int status, Supplier<HttpResponse<byte[]>> call) throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long baseline = rt.totalMemory() - rt.freeMemory();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r;
        try {
            r = call.get();
        } finally {
            sampling.set(false);
            sampler.join();
        }
        long nanos = System.nanoTime() - t0;
        assertEquals(status, r.statusCode(), new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(nanos < TIME_BOUND_NANOS, "answered after " + nanos / 1_000_000 + " ms");
        long growth = peak.get() - baseline;
        System.out.printf("bomb answered %d in %d ms, heap +%d MiB%n", r.statusCode(), nanos / 1_000_000, growth >> 20);
        // garbage counts too (the sampler cannot tell it from live data), so the bound is loose but far below 512 MiB
        assertTrue(growth < HEAP_GROWTH_BOUND, "heap grew by " + (growth >> 20) + " MiB during the request");
    }
}
