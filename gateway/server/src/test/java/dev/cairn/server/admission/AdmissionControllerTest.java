package dev.cairn.server.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AdmissionControllerTest {
    private final AtomicLong now = new AtomicLong();

    @Test
    void writesAreShedFirstWhileReadsStillPass() {
        // 10 slots: writes may hold 5, and stop once 9 requests are in flight
        AdmissionController c = AdmissionController.create(10, 0, 0.5, 0.9, now::get);
        for (int i = 0; i < 5; i++) {
            assertNull(c.tryAcquire(RequestClass.WRITE));
        }
        assertEquals(Rejection.INFLIGHT_WRITE, c.tryAcquire(RequestClass.WRITE), "writes at their share");
        for (int i = 0; i < 4; i++) {
            assertNull(c.tryAcquire(RequestClass.READ));
        }
        assertTrue(c.release(RequestClass.WRITE));
        assertNull(c.tryAcquire(RequestClass.READ), "8 in flight, then 9");
        assertEquals(Rejection.INFLIGHT_WRITE, c.tryAcquire(RequestClass.WRITE), "9 of 10 in flight: at the high-water mark,"
                + " though writes are below their share");
        assertNull(c.tryAcquire(RequestClass.READ), "reads keep the last slot");
        assertEquals(Rejection.INFLIGHT_READ, c.tryAcquire(RequestClass.READ));
        assertEquals(new AdmissionController.Load(6, 4, 10, 5, 9), c.load());
    }

    @Test
    void aReleaseWithoutAnAdmissionChangesNothing() {
        AdmissionController c = AdmissionController.create(2, 0, 0.5, 1, now::get);
        assertFalse(c.release(RequestClass.READ));
        assertFalse(c.release(RequestClass.WRITE));
        assertNull(c.tryAcquire(RequestClass.WRITE));
        assertFalse(c.release(RequestClass.READ), "a write's slot is not a read's");
        assertTrue(c.release(RequestClass.WRITE));
        assertFalse(c.release(RequestClass.WRITE));
        assertEquals(0, c.load().reads() + c.load().writes());
    }

    @Test
    void rateBudgetsRejectByClassAndGiveBackTheSlot() {
        // 10 per second overall, 5 for writes
        AdmissionController c = AdmissionController.create(0, 10, 0.5, 1, now::get);
        for (int i = 0; i < 5; i++) {
            assertNull(c.tryAcquire(RequestClass.WRITE));
        }
        assertEquals(Rejection.RPS_WRITE, c.tryAcquire(RequestClass.WRITE));
        for (int i = 0; i < 5; i++) {
            assertNull(c.tryAcquire(RequestClass.READ));
        }
        assertEquals(Rejection.RPS_READ, c.tryAcquire(RequestClass.READ));
        assertEquals(10, c.load().reads() + c.load().writes(), "rejections hold no slot");
        now.addAndGet(1_000_000_000L);
        assertNull(c.tryAcquire(RequestClass.READ), "refilled after a second");
    }

    @Test
    void zeroMeansUnlimited() {
        AdmissionController c = AdmissionController.create(0, 0, 0.5, 0.9, now::get);
        for (int i = 0; i < 100_000; i++) {
            assertNull(c.tryAcquire(i % 2 == 0 ? RequestClass.READ : RequestClass.WRITE));
        }
    }

    @Test
    void badLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AdmissionController.create(-1, 0, 0.5, 0.9, now::get));
        assertThrows(IllegalArgumentException.class, () -> AdmissionController.create(1, 0, 0, 0.9, now::get));
        assertThrows(IllegalArgumentException.class, () -> AdmissionController.create(1, 0, 0.5, 1.5, now::get));
    }

    /** Many threads admit and release at random; the caps always hold and every slot comes back. */
    @Test
    void stressNeverExceedsTheCapsAndLosesNoSlot() throws Exception {
        AdmissionController c = AdmissionController.create(16, 0, 0.5, 0.75, System::nanoTime);
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger writes = new AtomicInteger();
        AtomicInteger violations = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 50_000; i++) {
                        RequestClass kind = random.nextBoolean() ? RequestClass.READ : RequestClass.WRITE;
                        if (c.tryAcquire(kind) != null) {
                            continue;
                        }
                        AtomicInteger mine = kind == RequestClass.READ ? reads : writes;
                        int w = kind == RequestClass.WRITE ? writes.incrementAndGet() : writes.get();
                        int all = (kind == RequestClass.READ ? mine.incrementAndGet() : reads.get()) + w;
                        // our own counts trail the controller's, so they can only be lower than its caps
                        if (w > 8 || all > 16) {
                            violations.incrementAndGet();
                        }
                        mine.decrementAndGet();
                        if (!c.release(kind)) {
                            violations.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, violations.get());
        assertEquals(new AdmissionController.Load(0, 0, 16, 8, 12), c.load(), "every slot returned");
    }
}
