package dev.cairn.blob.replicated;

import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.DigestingInputStream;
import dev.cairn.blob.digest.IntegrityException;
import dev.cairn.blob.io.CheckingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;

/**
 * Checks a body's declared length as it is read, throwing {@link IntegrityException} from the
 * read that goes past it or ends short of it. The fan-out uses it when the client expects no
 * digest, so the pump does not hash every byte a second time (each replica hashes its own copy);
 * with expected digests it uses a {@link DigestingInputStream}, so a bad body is caught before
 * any replica may publish.
 */
final class LengthCheckingInputStream extends CheckingInputStream {
    private final long declared;
    private long count;

    private LengthCheckingInputStream(InputStream in, long declared) {
        super(in);
        this.declared = declared;
    }

    /** The check the pump reads {@code source} through. */
    static InputStream checking(ObjectSource source, Map<ChecksumAlgorithm, String> expected) {
        if (!expected.isEmpty()) {
            return new DigestingInputStream(source.stream(), source.length(), expected, Set.of());
        }
        return new LengthCheckingInputStream(source.stream(), source.length());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = in.read(b, off, len);
        if (n < 0) {
            if (declared >= 0 && count != declared) {
                throw new IntegrityException(IntegrityException.Reason.LENGTH_MISMATCH, null,
                        "body has " + count + " bytes, declared " + declared);
            }
            return -1;
        }
        count += n;
        if (declared >= 0 && count > declared) {
            throw new IntegrityException(IntegrityException.Reason.LENGTH_MISMATCH, null,
                    "body is longer than the declared " + declared + " bytes");
        }
        return n;
    }
}
