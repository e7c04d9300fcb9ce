package dev.cairn.perf;

/**
 * The workloads, each a Gatling simulation of {@code testing/gatling}, and where each can run:
 * nginx only serves reads (both path styles, it ignores the signature headers), S3Proxy speaks S3
 * and takes reads and writes, Cairn runs everything over both APIs.
 */
enum Mix {
    READ_A("read-a", "ReadMixA", true),
    WRITE_B("write-b", "WriteMixB", false),
    ABUSE("abuse", "Abuse", false),
    SOAK("soak", "Soak", false),
    /** Whole GETs of the hot 64 KiB objects only: the "GET 64 KiB from cache vs nginx" goal. */
    GET_64K("get-64k", "Get64k", true),
    /** New 1 MiB PUTs only: the "PUT 1 MiB vs S3Proxy at c=16" goal. */
    PUT_1M("put-1m", "Put1MiB", false);

    private static final String PACKAGE = "dev.cairn.perf.gatling.";

    private final String id;
    private final String simulation;
    private final boolean readOnly;

    Mix(String id, String simulation, boolean readOnly) {
        this.id = id;
        this.simulation = simulation;
        this.readOnly = readOnly;
    }

    String id() {
        return id;
    }

    /** The simulation's class name, as {@code io.gatling.app.Gatling -s} wants it. */
    String simulationClass() {
        return PACKAGE + simulation;
    }

    boolean runsOn(TargetKind target, Api api) {
        return switch (target) {
            case CAIRN -> true;
            case S3PROXY -> api == Api.S3 && (this == READ_A || this == WRITE_B || this == GET_64K || this == PUT_1M);
            case NGINX -> this == READ_A || this == GET_64K;
        };
    }

    /** The peer Cairn is compared with by default: nginx for read mixes, S3Proxy for the others. */
    TargetKind defaultReference() {
        return readOnly ? TargetKind.NGINX : TargetKind.S3PROXY;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    static Mix parse(String text) {
        for (Mix mix : values()) {
            if (mix.id.equals(text)) {
                return mix;
            }
        }
        throw new IllegalArgumentException("unknown mix '" + text + "' (read-a, write-b, abuse, soak, get-64k or put-1m)");
    }
}
