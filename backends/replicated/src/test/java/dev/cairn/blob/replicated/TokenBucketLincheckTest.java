package dev.cairn.blob.replicated;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Lincheck explores interleavings of charges, waits and clock steps on the repair pacer and checks
 * each outcome against a sequential run: no tokens are lost or handed out twice (every wait is the
 * one a sequential bucket would give), model checking finds no deadlock, and the sleeper is never
 * called while the bucket's monitor is held. Real time cannot be replayed, so the clock is a
 * counter that an operation advances and the sleeper only reports the wait it was asked for.
 */
public class TokenBucketLincheckTest {
    // 1 unit per microsecond, a burst of 3000: a few charges empty it, a clock step refills part of it
    private static final long RATE = 1_000_000;
    private static final long BURST = 3_000;

    // a wait under the monitor would be replayed identically by the sequential run, so it is recorded apart
    private static final AtomicBoolean WAITED_HOLDING_THE_MONITOR = new AtomicBoolean();

    private final AtomicLong nanos = new AtomicLong();
    private final TokenBucket bucket = new TokenBucket(RATE, BURST, nanos::get, this::sleep);

    /** Hands the wait back to {@link #acquire()} through the stack, so concurrent acquires cannot mix their waits up. */
    private static final class Waited extends RuntimeException {
        final long nanos;

        Waited(long nanos) {
            super(null, null, false, false);
            this.nanos = nanos;
        }
    }

    private void sleep(long wait) {
        if (Thread.holdsLock(bucket)) {
            WAITED_HOLDING_THE_MONITOR.set(true);
        }
        throw new Waited(wait);
    }

    @Operation
    public long chargeSmall() {
        return bucket.charge(700);
    }

    @Operation
    public long chargeLarge() {
        return bucket.charge(2_500);
    }

    @Operation
    public long chargeNothing() {
        return bucket.charge(0);
    }

    /** Acquire runs the real wait path; returns what the sleeper was asked to wait (0: it was not called). */
    @Operation
    public long acquire() throws InterruptedException {
        try {
            bucket.acquire(1_200);
            return 0;
        } catch (Waited w) {
            return w.nanos;
        }
    }

    @Operation
    public void advanceOneMillisecond() {
        nanos.addAndGet(1_000_000);
    }

    @Operation
    public void advanceHalfAMillisecond() {
        nanos.addAndGet(500_000);
    }

    @Test
    void linearizableAndDeadlockFreeUnderModelChecking() {
        new ModelCheckingOptions().iterations(30).invocationsPerIteration(1_000).threads(3).actorsPerThread(4).check(getClass());
        assertFalse(WAITED_HOLDING_THE_MONITOR.get(), "a caller waited while holding the bucket's monitor");
    }

    @Test
    void linearizableUnderStress() {
        new StressOptions().iterations(15).invocationsPerIteration(1_000).threads(3).actorsPerThread(4).check(getClass());
        assertFalse(WAITED_HOLDING_THE_MONITOR.get(), "a caller waited while holding the bucket's monitor");
    }
}
