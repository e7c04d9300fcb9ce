package dev.cairn.gateway.s3.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ForwardingBlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.Capability;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.digest.Hex;
import dev.cairn.gateway.s3.S3TestClient;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import java.util.zip.CRC32;

/** Shared helpers for the object operation tests. */
final class ObjectTestSupport {
    private ObjectTestSupport() {
    }

    static void assertError(S3TestClient.Response r, int status, String code) {
        assertEquals(status, r.status(), r.text());
        if (r.body().length > 0) {
            assertTrue(r.text().contains("<Code>" + code + "</Code>"), r.text());
        }
    }

    static String md5Hex(byte[] b) {
        return Hex.encode(md5(b));
    }

    static String md5Base64(byte[] b) {
        return Base64.getEncoder().encodeToString(md5(b));
    }

    static String crc32Base64(byte[] b) {
        CRC32 c = new CRC32();
        c.update(b);
        long v = c.getValue();
        return Base64.getEncoder().encodeToString(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }

    private static byte[] md5(byte[] b) {
        try {
            return MessageDigest.getInstance("MD5").digest(b);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A store that forwards to another but declares no capabilities (a backend without conditional writes). */
    static BlobStore withoutCapabilities(BlobStore d) {
        return new ForwardingBlobStore(d) {
            @Override
            public Set<Capability> capabilities() {
                return Set.of();
            }

            @Override
            public ObjectInfo write(BlobKey key, ObjectSource source, WriteOptions options) {
                if (!options.precondition().equals(dev.cairn.blob.WritePrecondition.NONE)) {
                    throw new BlobStoreException(dev.cairn.blob.BlobError.UNSUPPORTED, id(), key, "no conditional writes");
                }
                return delegate().write(key, source, options);
            }
        };
    }
}
