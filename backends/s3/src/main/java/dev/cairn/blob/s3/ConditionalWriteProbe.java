package dev.cairn.blob.s3;

import dev.cairn.blob.Capability;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Decides whether the target honours conditional PUTs, because S3-compatible servers differ:
 * some ignore {@code If-None-Match}/{@code If-Match} and overwrite, which would silently break
 * create-if-absent. With {@code s3.conditional-writes=auto} the store PUTs a scratch object
 * under {@code ~cairn/probe/} three times at start (create-if-absent twice, then a stale
 * If-Match) and declares a capability only if the target refused exactly the writes it must
 * refuse. {@code true}/{@code false} skip the probe (e.g. for AWS itself, or without write
 * permission at start).
 */
final class ConditionalWriteProbe {
    private static final Logger LOG = LoggerFactory.getLogger(ConditionalWriteProbe.class);

    private ConditionalWriteProbe() {
    }

    static Set<Capability> capabilities(S3Client s3, S3Config config, S3Layout layout) {
        switch (config.conditionalWrites()) {
            case "true":
                return EnumSet.of(Capability.WRITE_IF_ABSENT, Capability.WRITE_IF_MATCH);
            case "false":
                return EnumSet.noneOf(Capability.class);
            default:
                return probe(s3, config.bucket(), layout.internal("probe/" + UUID.randomUUID()));
        }
    }

    private static Set<Capability> probe(S3Client s3, String bucket, String key) {
        Set<Capability> caps = EnumSet.noneOf(Capability.class);
        try {
            put(s3, bucket, key, PutObjectRequest.builder().ifNoneMatch("*"));
            if (refused(() -> put(s3, bucket, key, PutObjectRequest.builder().ifNoneMatch("*")))) {
                caps.add(Capability.WRITE_IF_ABSENT);
            }
            if (refused(() -> put(s3, bucket, key, PutObjectRequest.builder().ifMatch("\"00000000000000000000000000000000\"")))) {
                caps.add(Capability.WRITE_IF_MATCH);
            }
            LOG.info("s3 backend: conditional-write probe on bucket {} found {}", bucket, caps.isEmpty() ? "none" : caps);
        } catch (SdkException e) {
            LOG.warn("s3 backend: conditional-write probe failed ({}); conditional writes are off. "
                    + "Set s3.conditional-writes to decide without a probe.", e.getMessage());
        } finally {
            try {
                s3.deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(key).build());
            } catch (SdkException e) {
                // an unreachable backend; the probe object (if any) is 0 bytes
            }
        }
        return caps;
    }

    private static void put(S3Client s3, String bucket, String key, PutObjectRequest.Builder b) {
        s3.putObject(b.bucket(bucket).key(key).build(), RequestBody.fromBytes(new byte[] {'p'}));
    }

    /** True when the write was refused with 412 (or AWS's 409 for a concurrent conditional write). */
    private static boolean refused(Runnable write) {
        try {
            write.run();
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 409) {
                return true;
            }
            throw e;
        }
    }
}
