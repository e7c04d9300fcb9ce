package dev.cairn.perf.gatling;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The request mixes. Read mix A: 70% GET (half of them {@code Range: bytes=0-65535} on 1 and
 * 4 MiB objects, 20% a 64 KiB range from the middle of those, 30% whole 64 KiB and 1 MiB
 * objects), 20% HEAD, 10% GET of cold objects in turn. Write mix B: mix A for 90%, 9% new 1 MiB
 * PUTs (half gzip), 1% rejections. Abuse: 90% reads, 5% over-cap PUTs, 5% bombs.
 */
final class Mixes {
    static final int RANGE = 64 * 1024;

    private final ApiCalls calls;
    private final List<SeedManifest.Entry> ranged;
    private final List<SeedManifest.Entry> whole;
    private final List<SeedManifest.Entry> hot;
    private final List<SeedManifest.Entry> cold;
    private final AtomicLong coldCursor = new AtomicLong();

    /** @throws IllegalArgumentException when the manifest lists no cold objects (mix A reads them) */
    Mixes(ApiCalls calls, SeedManifest seed) {
        if (seed.cold.isEmpty()) {
            throw new IllegalArgumentException("the seed manifest lists no cold objects; read mix A needs some");
        }
        this.calls = calls;
        this.ranged = seed.hotSized(2L * RANGE, Long.MAX_VALUE);
        this.whole = seed.hotSized(0, Bodies.MIB);
        this.hot = seed.hot;
        this.cold = seed.cold;
    }

    /** Read mix A. */
    Call readA(SplittableRandom r) {
        int u = r.nextInt(100);
        if (u < 70) {
            return get(r, null);
        }
        if (u < 90) {
            return calls.read(Route.HEAD, "HEAD", pick(r, hot).path(), null);
        }
        SeedManifest.Entry e = cold.get((int) (coldCursor.getAndIncrement() % cold.size()));
        return calls.read(Route.COLD, "GET", e.path(), null);
    }

    /** Write mix B. */
    Call writeB(SplittableRandom r) {
        int u = r.nextInt(1000);
        if (u < 900) {
            return readA(r);
        }
        if (u < 990) {
            return calls.put(r.nextBoolean());
        }
        return calls.rejection();
    }

    /** The abuse mix. */
    Call abuse(SplittableRandom r) {
        int u = r.nextInt(100);
        if (u < 90) {
            return get(r, Route.DURING_ABUSE);
        }
        return u < 95 ? calls.overCap() : calls.bomb();
    }

    /** One GET of mix A; {@code as} renames the route (null keeps the mix A names). */
    private Call get(SplittableRandom r, Route as) {
        int g = r.nextInt(100);
        if (g < 50) {
            return calls.read(as != null ? as : Route.RANGE_START, "GET", pick(r, ranged).path(), "bytes=0-" + (RANGE - 1));
        }
        if (g < 70) {
            SeedManifest.Entry e = pick(r, ranged);
            // a 64 KiB window somewhere in the middle half of the object
            long span = Math.max(1, e.size() / 2 - RANGE);
            long start = e.size() / 4 + r.nextLong(span);
            return calls.read(as != null ? as : Route.RANGE_MID, "GET", e.path(), "bytes=" + start + "-" + (start + RANGE - 1));
        }
        return calls.read(as != null ? as : Route.FULL, "GET", pick(r, whole).path(), null);
    }

    private static SeedManifest.Entry pick(SplittableRandom r, List<SeedManifest.Entry> list) {
        return list.get(r.nextInt(list.size()));
    }
}
