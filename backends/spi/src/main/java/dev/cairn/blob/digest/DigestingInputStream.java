package dev.cairn.blob.digest;

import dev.cairn.blob.io.CheckingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Computes BLAKE3, MD5 and any further digests in one pass as the body is read, and verifies the
 * declared length and expected digests when the end is reached. A mismatch is thrown as an
 * {@link IntegrityException} from that final {@code read}, before the consumer sees end of
 * stream, so a consumer that publishes on end of stream never publishes bad bytes. Reading past
 * a declared length also fails at once, so an over-long body is never buffered.
 */
public final class DigestingInputStream extends CheckingInputStream {
    private final long declaredLength;
    private final Map<ChecksumAlgorithm, String> expected;
    private final EnumMap<ChecksumAlgorithm, StreamingDigest> digests = new EnumMap<>(ChecksumAlgorithm.class);
    private long count;
    private Map<ChecksumAlgorithm, String> results;

    /**
     * @param in the body
     * @param declaredLength the length it must have, or -1 when unknown
     * @param expected digests it must have (text form); may be empty
     * @param extra further algorithms to compute
     */
    public DigestingInputStream(InputStream in, long declaredLength, Map<ChecksumAlgorithm, String> expected, Set<ChecksumAlgorithm> extra) {
        super(in);
        this.declaredLength = declaredLength;
        this.expected = Map.copyOf(expected);
        digests.put(ChecksumAlgorithm.B3, ChecksumAlgorithm.B3.newDigest());
        digests.put(ChecksumAlgorithm.MD5, ChecksumAlgorithm.MD5.newDigest());
        for (ChecksumAlgorithm a : extra) {
            digests.computeIfAbsent(a, ChecksumAlgorithm::newDigest);
        }
        for (ChecksumAlgorithm a : expected.keySet()) {
            digests.computeIfAbsent(a, ChecksumAlgorithm::newDigest);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (results != null) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = in.read(b, off, len);
        if (n < 0) {
            finishAndVerify();
            return -1;
        }
        count += n;
        if (declaredLength >= 0 && count > declaredLength) {
            throw new IntegrityException(IntegrityException.Reason.LENGTH_MISMATCH, null,
                    "body is longer than the declared " + declaredLength + " bytes");
        }
        for (StreamingDigest d : digests.values()) {
            d.update(b, off, n);
        }
        return n;
    }

    private void finishAndVerify() throws IOException {
        if (declaredLength >= 0 && count != declaredLength) {
            throw new IntegrityException(IntegrityException.Reason.LENGTH_MISMATCH, null,
                    "body has " + count + " bytes, declared " + declaredLength);
        }
        EnumMap<ChecksumAlgorithm, String> out = new EnumMap<>(ChecksumAlgorithm.class);
        for (Map.Entry<ChecksumAlgorithm, StreamingDigest> e : digests.entrySet()) {
            out.put(e.getKey(), e.getKey().toText(e.getValue().finish()));
        }
        for (Map.Entry<ChecksumAlgorithm, String> e : expected.entrySet()) {
            if (!e.getValue().equals(out.get(e.getKey()))) {
                throw new IntegrityException(IntegrityException.Reason.DIGEST_MISMATCH, e.getKey(),
                        e.getKey() + " of the body does not match the expected value");
            }
        }
        results = Collections.unmodifiableMap(out);
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }

    /**
     * The verified digests, in text form; always has B3 and MD5.
     *
     * @throws IllegalStateException before the end of the body was reached and verified
     */
    public Map<ChecksumAlgorithm, String> digests() {
        if (results == null) {
            throw new IllegalStateException("body not read to its verified end");
        }
        return results;
    }

    /** Reads the rest of the body (into the digests) and returns the verified digests. */
    public Map<ChecksumAlgorithm, String> drain(byte[] scratch) throws IOException {
        while (read(scratch, 0, scratch.length) >= 0) {
            // the digests see every byte
        }
        return digests();
    }
}
