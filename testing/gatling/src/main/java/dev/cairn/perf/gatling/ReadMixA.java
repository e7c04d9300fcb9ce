package dev.cairn.perf.gatling;

/** Read mix A (see {@link Mixes}): range, mid-range and whole GETs, HEADs and cold GETs of seeded objects. */
public class ReadMixA extends PerfSimulation {
    public ReadMixA() {
        super("ReadMixA", 0, false, m -> m::readA);
    }
}
