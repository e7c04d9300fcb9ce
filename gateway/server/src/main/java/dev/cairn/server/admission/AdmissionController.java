package dev.cairn.server.admission;

import java.util.function.LongSupplier;

/**
 * Decides, in constant time and without a lock, whether a request may start: a concurrency
 * budget ({@code max-inflight}) and a rate budget ({@code max-rps}) with a smaller share for
 * writes, so that writes are shed before reads (ADR 0017). It never calls a backend.
 *
 * <p>Every admitted request must be released exactly once with its class; a release without a
 * matching admission is ignored and reported as {@code false}, so a double release cannot free a
 * slot another request holds.
 */
public interface AdmissionController {

    /**
     * Admits a request of class {@code kind} or says why not.
     *
     * @return null when admitted (the caller then owes one {@link #release}), otherwise the reason
     */
    Rejection tryAcquire(RequestClass kind);

    /**
     * Ends an admitted request.
     *
     * @return false when no request of this class was in flight (nothing changed)
     */
    boolean release(RequestClass kind);

    /** A consistent-enough view of the budgets for readiness and metrics. */
    Load load();

    /**
     * The in-flight counts and their caps.
     *
     * @param maxInflight the cap on all requests; {@link Integer#MAX_VALUE} when unlimited
     * @param maxWrites the cap on writes
     * @param writeHighWater all requests in flight at which writes are refused
     */
    record Load(int reads, int writes, int maxInflight, int maxWrites, int writeHighWater) {
        /** Whether writes are at or past {@code share} of their cap or of the high-water mark. */
        public boolean writesNear(double share) {
            return writes >= share * maxWrites || reads + writes >= share * writeHighWater;
        }
    }

    /**
     * A controller for these limits.
     *
     * @param maxInflight all requests at once; 0 = unlimited
     * @param maxRps requests started per second; 0 = unlimited
     * @param writeShare writes' share of both budgets, above 0 and at most 1
     * @param writeHighWater share of {@code maxInflight} in use at which writes are refused, above 0 and at most 1
     * @param nanoClock monotonic nanoseconds for the rate budget
     * @throws IllegalArgumentException for a negative limit or a share outside (0, 1]
     */
    static AdmissionController create(int maxInflight, int maxRps, double writeShare, double writeHighWater, LongSupplier nanoClock) {
        return BudgetedAdmission.create(maxInflight, maxRps, writeShare, writeHighWater, nanoClock);
    }
}
