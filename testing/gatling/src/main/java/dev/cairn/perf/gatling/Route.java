package dev.cairn.perf.gatling;

import java.util.Set;

/**
 * The request kinds of the workloads, with the names the result file uses (fixed by the contract
 * with the orchestrator) and the statuses that count as expected. Any other status is "unexpected".
 */
enum Route {
    RANGE_START("GET range-start", Set.of(206), Set.of(206)),
    RANGE_MID("GET range-mid", Set.of(206), Set.of(206)),
    FULL("GET full", Set.of(200), Set.of(200)),
    HEAD("HEAD", Set.of(200), Set.of(200)),
    COLD("GET cold", Set.of(200), Set.of(200)),
    PUT("PUT 1MiB", Set.of(200, 201), Set.of(200)),
    PUT_GZIP("PUT 1MiB gzip", Set.of(200, 201), Set.of(200)),
    /** OAP only: a gzip body inflating more than oap.max-inflate-ratio. */
    RATIO_CAP("PUT ratio-cap", Set.of(413), Set.of(413)),
    /** S3 only: a Content-MD5 that does not match the body (400 BadDigest). */
    BAD_CHECKSUM("PUT bad-checksum", Set.of(400), Set.of(400)),
    /** OAP: 1 MiB + 1 byte (413). S3: an aws-chunked body declaring more than s3.max-put-size (400 EntityTooLarge). */
    OVER_CAP("PUT over-cap", Set.of(413), Set.of(400)),
    /** OAP: 512 MiB of zeros gzipped (413). S3: a malformed aws-chunked body (400). */
    BOMB("PUT bomb", Set.of(413), Set.of(400)),
    DURING_ABUSE("GET during-abuse", Set.of(200, 206), Set.of(200, 206));

    final String label;
    private final Set<Integer> oapExpected;
    private final Set<Integer> s3Expected;

    Route(String label, Set<Integer> oapExpected, Set<Integer> s3Expected) {
        this.label = label;
        this.oapExpected = oapExpected;
        this.s3Expected = s3Expected;
    }

    boolean expected(PerfConfig.Api api, int status) {
        return (api == PerfConfig.Api.S3 ? s3Expected : oapExpected).contains(status);
    }
}
