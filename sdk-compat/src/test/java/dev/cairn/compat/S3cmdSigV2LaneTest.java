package dev.cairn.compat;

/**
 * The whole s3cmd lane again with {@code signature_v2 = True}: SigV2 header signing from a real
 * client (bucket and object operations, listing, wrong-secret rejection).
 */
class S3cmdSigV2LaneTest extends S3cmdLaneTest {
    @Override
    boolean signatureV2() {
        return true;
    }
}
