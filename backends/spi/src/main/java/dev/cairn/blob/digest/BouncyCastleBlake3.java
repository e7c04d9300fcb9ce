package dev.cairn.blob.digest;

import org.bouncycastle.crypto.digests.Blake3Digest;

final class BouncyCastleBlake3 implements StreamingDigest {
    private final Blake3Digest digest = new Blake3Digest(Blake3.LENGTH * 8);

    @Override
    public void update(byte[] buf, int off, int len) {
        digest.update(buf, off, len);
    }

    @Override
    public byte[] finish() {
        byte[] out = new byte[Blake3.LENGTH];
        digest.doFinal(out, 0);
        return out;
    }
}
