package dev.cairn.compat;

import org.junit.jupiter.api.Test;

/**
 * boto3 driving multipart flexible checksums (docs/adr/0009) on the local backend: a CRC32
 * FULL_OBJECT upload with per-part checksums, a wrong per-part checksum at completion
 * (InvalidPart), a part of another algorithm, and a CRC32 COMPOSITE upload. Each test runs one
 * group of {@code boto3_checksums.py}, which checks its own results.
 */
class Boto3ChecksumLaneTest extends ProgramLane {
    @Override
    String backend() {
        return "local";
    }

    private void group(String name) throws Exception {
        Boto3Script.runGroup(this, "boto3_checksums.py", name);
    }

    @Test
    void fullObjectCrc32WithPerPartChecksums() throws Exception {
        group("full_object");
    }

    @Test
    void compositeCrc32() throws Exception {
        group("composite");
    }
}
