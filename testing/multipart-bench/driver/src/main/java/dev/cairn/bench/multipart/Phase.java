package dev.cairn.bench.multipart;

/** One timed phase of a round: wall time seen by the client and the server's counters over it. */
record Phase(long nanos, ProcCounters server) {
    double seconds() {
        return nanos / 1e9;
    }
}
