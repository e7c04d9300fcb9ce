package dev.cairn.blob.s3;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.DigestingInputStream;
import dev.cairn.blob.digest.IntegrityException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Reads a write's body to its verified end before anything is sent to S3 (ADR 0012): the body
 * goes through a {@link DigestingInputStream} into memory (up to a threshold) or a temp file, so
 * the object's BLAKE3 can travel in the PUT's metadata and a body that fails its length or digest
 * check is never uploaded at all. The upload then carries {@code Content-MD5}, so S3 verifies the
 * bytes it receives against the digest computed here.
 */
final class Spool implements AutoCloseable {
    private final byte[] inMemory;
    private final Path file;
    private final long length;
    private final Map<ChecksumAlgorithm, String> digests;

    private Spool(byte[] inMemory, Path file, long length, Map<ChecksumAlgorithm, String> digests) {
        this.inMemory = inMemory;
        this.file = file;
        this.length = length;
        this.digests = digests;
    }

    /**
     * @throws BlobStoreException {@link BlobError#BAD_DIGEST} for a length or digest mismatch,
     *     {@link BlobError#INTERNAL} when the body stream fails, {@link BlobError#UNAVAILABLE}
     *     when the spool directory cannot be written
     */
    static Spool read(BlobKey key, ObjectSource source, WriteOptions options, Path dir, long memoryThreshold) {
        DigestingInputStream in = new DigestingInputStream(source.stream(), source.length(),
                options.expectedChecksums(), options.extraChecksums());
        ByteArrayOutputStream memory = new ByteArrayOutputStream((int) Math.min(Math.max(source.length(), 0), memoryThreshold));
        Path file = null;
        OutputStream fileOut = null;
        try {
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = readBody(in, buf)) >= 0) {
                total += n;
                if (fileOut == null && total > memoryThreshold) {
                    file = createFile(dir, key);
                    fileOut = Files.newOutputStream(file);
                    memory.writeTo(fileOut);
                    memory = null;
                }
                if (fileOut != null) {
                    fileOut.write(buf, 0, n);
                } else {
                    memory.write(buf, 0, n);
                }
            }
            if (fileOut != null) {
                fileOut.close();
            }
            Spool spool = new Spool(memory == null ? null : memory.toByteArray(), file, total, in.digests());
            file = null;
            return spool;
        } catch (IntegrityException e) {
            throw new BlobStoreException(BlobError.BAD_DIGEST, S3BlobStore.ID, key, e.getMessage(), e);
        } catch (BodyFailure e) {
            throw new BlobStoreException(BlobError.INTERNAL, S3BlobStore.ID, key, "reading the body failed: " + e.getMessage(), e.getCause());
        } catch (IOException e) {
            throw new BlobStoreException(BlobError.UNAVAILABLE, S3BlobStore.ID, key, "spooling the body failed: " + e.getMessage(), e);
        } finally {
            if (file != null) {
                closeQuietly(fileOut);
                deleteQuietly(file);
            }
        }
    }

    /** A failure of the client's stream is the caller's problem, not the spool's: INTERNAL. */
    private static int readBody(DigestingInputStream in, byte[] buf) throws IntegrityException {
        try {
            return in.read(buf, 0, buf.length);
        } catch (IntegrityException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BodyFailure(e);
        }
    }

    private static Path createFile(Path dir, BlobKey key) throws IOException {
        Files.createDirectories(dir);
        return Files.createTempFile(dir, "body-", ".tmp");
    }

    long length() {
        return length;
    }

    Map<ChecksumAlgorithm, String> digests() {
        return digests;
    }

    /** The base64 {@code Content-MD5} S3 checks the received bytes against. */
    String contentMd5() {
        return Base64.getEncoder().encodeToString(hexToBytes(digests.get(ChecksumAlgorithm.MD5)));
    }

    static byte[] hexToBytes(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    /** A body the SDK can replay on a retry. */
    RequestBody body() {
        return inMemory != null ? RequestBody.fromBytes(inMemory) : RequestBody.fromFile(file);
    }

    @Override
    public void close() {
        if (file != null) {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover spool file is only wasted space; the next start does not need it
        }
    }

    private static void closeQuietly(OutputStream out) {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // already failing
            }
        }
    }

    /** The client's body stream failed (not a digest mismatch). */
    static final class BodyFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BodyFailure(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
