package dev.cairn.server.admission;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Lincheck explores interleavings of admissions and releases and checks each outcome against a
 * sequential run: no slot is lost or handed out twice, releases never underflow, and writes stop
 * at their cap and at the high-water mark while reads go on. The rate budget is off here (it
 * depends on the clock, which a linearizability check cannot replay); {@link TokenBucketTest}
 * covers it.
 */
public class AdmissionLincheckTest {
    // 4 slots: writes may hold 2 (50%), and are refused once 3 (75%) requests are in flight
    private final AdmissionController admission = AdmissionController.create(4, 0, 0.5, 0.75, System::nanoTime);

    @Operation
    public String read() {
        return outcome(admission.tryAcquire(RequestClass.READ));
    }

    @Operation
    public String write() {
        return outcome(admission.tryAcquire(RequestClass.WRITE));
    }

    @Operation
    public boolean releaseRead() {
        return admission.release(RequestClass.READ);
    }

    @Operation
    public boolean releaseWrite() {
        return admission.release(RequestClass.WRITE);
    }

    @Operation
    public String load() {
        AdmissionController.Load l = admission.load();
        return l.reads() + "r" + l.writes() + "w";
    }

    private static String outcome(Rejection r) {
        return r == null ? "admitted" : r.label();
    }

    @Test
    void linearizableUnderModelChecking() {
        new ModelCheckingOptions().iterations(30).invocationsPerIteration(1_000).threads(3).actorsPerThread(4)
                .check(getClass());
    }

    @Test
    void linearizableUnderStress() {
        new StressOptions().iterations(15).invocationsPerIteration(1_000).threads(3).actorsPerThread(4).check(getClass());
    }
}
