package dev.cairn.server.admission;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.HealthReport;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReadinessProbeTest {
    private static final long SECOND = 1_000_000_000L;
    private static final HealthReport OK = new HealthReport(true, true, "ok");

    private final AtomicLong now = new AtomicLong(-7 * SECOND); // nanoTime may be negative
    private final ErrorWindow window = new ErrorWindow(10, now::get);
    private final AdmissionController controller = AdmissionController.create(10, 0, 0.5, 0.9, now::get);
    private final ReadinessProbe probe = new ReadinessProbe(controller, window, 0.25);

    @Test
    void readyWhenNothingIsWrong() {
        ReadinessProbe.Readiness r = probe.evaluate(OK);
        assertTrue(r.readReady() && r.writeReady());
    }

    @Test
    void theBackendsOwnReportDecidesEachKind() {
        ReadinessProbe.Readiness r = probe.evaluate(new HealthReport(true, false, "disk below its floor"));
        assertEquals(List.of(), r.readReasons());
        assertEquals(List.of("backend_not_writable"), r.writeReasons());
        r = probe.evaluate(new HealthReport(false, false, "unreachable"));
        assertEquals(List.of("backend_not_readable"), r.readReasons());
    }

    @Test
    void writesNearTheirCapAreNotReady() {
        for (int i = 0; i < 4; i++) {
            controller.tryAcquire(RequestClass.WRITE);
        }
        assertTrue(probe.evaluate(OK).writeReady(), "4 of 5 writes");
        controller.tryAcquire(RequestClass.WRITE);
        assertEquals(List.of("inflight_near_cap"), probe.evaluate(OK).writeReasons());
        assertTrue(probe.evaluate(OK).readReady());
    }

    @Test
    void anErrorRateOverTheThresholdTurnsWritesNotReadyUntilItLeavesTheWindow() {
        for (int i = 0; i < 15; i++) {
            window.record(false);
        }
        for (int i = 0; i < 5; i++) {
            window.record(true);
        }
        assertEquals(List.of("backend_error_rate"), probe.evaluate(OK).writeReasons(), "5 of 20 is 25%");
        now.addAndGet(5 * SECOND);
        for (int i = 0; i < 20; i++) {
            window.record(false);
        }
        assertTrue(probe.evaluate(OK).writeReady(), "5 of 40");
        now.addAndGet(6 * SECOND);
        assertArrayEquals(new long[] {20, 0}, window.totals(), "the first second has left the window");
    }

    @Test
    void tooFewRequestsSayNothing() {
        for (int i = 0; i < 19; i++) {
            window.record(true);
        }
        assertTrue(probe.evaluate(OK).writeReady());
    }

    @Test
    void aSlotIsResetWhenItsSecondComesRoundAgain() {
        window.record(true);
        now.addAndGet(10 * SECOND); // same slot, ten seconds later
        window.record(false);
        assertArrayEquals(new long[] {1, 0}, window.totals());
    }
}
