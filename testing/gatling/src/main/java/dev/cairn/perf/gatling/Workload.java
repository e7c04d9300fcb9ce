package dev.cairn.perf.gatling;

import java.util.SplittableRandom;

/** Decides the next request of a mix. Implementations are thread-safe; the random is the caller's own. */
@FunctionalInterface
interface Workload {
    Call next(SplittableRandom random);
}
