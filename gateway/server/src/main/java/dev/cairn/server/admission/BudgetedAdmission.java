package dev.cairn.server.admission;

import java.util.function.LongSupplier;

/**
 * The {@link AdmissionController}: an {@link InflightLedger} checked first, then the rate
 * buckets. Reads draw on the whole budget; writes on their own smaller budget and on the whole one,
 * and stop at the high-water mark, so under pressure writes are refused while reads still pass.
 */
final class BudgetedAdmission implements AdmissionController {
    private final InflightLedger inflight;
    /** All requests; null when the rate is unlimited. */
    private final TokenBucket allRate;
    /** Writes only; null when the rate is unlimited. */
    private final TokenBucket writeRate;

    private BudgetedAdmission(InflightLedger inflight, TokenBucket allRate, TokenBucket writeRate) {
        this.inflight = inflight;
        this.allRate = allRate;
        this.writeRate = writeRate;
    }

    static BudgetedAdmission create(int maxInflight, int maxRps, double writeShare, double writeHighWater, LongSupplier nanoClock) {
        if (maxInflight < 0 || maxRps < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
        if (!(writeShare > 0 && writeShare <= 1) || !(writeHighWater > 0 && writeHighWater <= 1)) {
            throw new IllegalArgumentException("shares must be above 0 and at most 1");
        }
        InflightLedger ledger = maxInflight == 0
                ? new InflightLedger(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE)
                : new InflightLedger(maxInflight, share(maxInflight, writeShare), share(maxInflight, writeHighWater));
        TokenBucket all = maxRps == 0 ? null : new TokenBucket(maxRps, nanoClock);
        TokenBucket writes = maxRps == 0 ? null : new TokenBucket(share(maxRps, writeShare), nanoClock);
        return new BudgetedAdmission(ledger, all, writes);
    }

    /** At least 1, so a small limit never rounds a class out of service. */
    private static int share(int limit, double share) {
        return (int) Math.max(1, Math.round(limit * share));
    }

    @Override
    public Rejection tryAcquire(RequestClass kind) {
        return kind == RequestClass.READ ? tryRead() : tryWrite();
    }

    private Rejection tryRead() {
        if (!inflight.tryRead()) {
            return Rejection.INFLIGHT_READ;
        }
        if (allRate != null && !allRate.tryTake()) {
            inflight.releaseRead();
            return Rejection.RPS_READ;
        }
        return null;
    }

    private Rejection tryWrite() {
        if (!inflight.tryWrite()) {
            return Rejection.INFLIGHT_WRITE;
        }
        if (writeRate != null) {
            if (!writeRate.tryTake()) {
                inflight.releaseWrite();
                return Rejection.RPS_WRITE;
            }
            if (!allRate.tryTake()) {
                writeRate.refund();
                inflight.releaseWrite();
                return Rejection.RPS_WRITE;
            }
        }
        return null;
    }

    @Override
    public boolean release(RequestClass kind) {
        return kind == RequestClass.READ ? inflight.releaseRead() : inflight.releaseWrite();
    }

    @Override
    public Load load() {
        // one read of the ledger: two would let a release slip between them (Lincheck found that)
        int[] now = inflight.inFlight();
        return new Load(now[0], now[1], inflight.maxTotal(), inflight.maxWrites(), inflight.writeHighWater());
    }
}
