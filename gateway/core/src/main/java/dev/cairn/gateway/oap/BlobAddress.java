package dev.cairn.gateway.oap;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.digest.Hex;
import java.util.Objects;

/**
 * An OAP address: {@code b3:} followed by the 64 lowercase hex digits of the BLAKE3-256 digest
 * of a blob's bytes. The text form is canonical: exactly one spelling per blob, so the address
 * is also the store key and the entity tag.
 */
record BlobAddress(String hex) {
    static final String PREFIX = "b3:";
    static final int HEX_LENGTH = 64;

    BlobAddress {
        Objects.requireNonNull(hex, "hex");
        if (!Hex.isLowerHex(hex, HEX_LENGTH)) {
            throw new IllegalArgumentException("not 64 lowercase hex digits");
        }
    }

    /**
     * Parses the text form, accepting nothing but {@code b3:} and 64 lowercase hex digits: no
     * uppercase, no percent-encoding, no surrounding space.
     *
     * @return the address, or null when {@code text} is not one
     */
    static BlobAddress parse(String text) {
        if (text == null || text.length() != PREFIX.length() + HEX_LENGTH || !text.startsWith(PREFIX)) {
            return null;
        }
        String hex = text.substring(PREFIX.length());
        return Hex.isLowerHex(hex, HEX_LENGTH) ? new BlobAddress(hex) : null;
    }

    /** The store key in {@code bucket}: the address text itself. */
    BlobKey key(String bucket) {
        return new BlobKey(bucket, text());
    }

    /** {@code b3:<hex>}. */
    String text() {
        return PREFIX + hex;
    }

    /** The strong entity tag, quoted: {@code "b3:<hex>"}. */
    String etag() {
        return '"' + text() + '"';
    }

    /** The path this blob is served at. */
    String location() {
        return "/o/" + text();
    }

    @Override
    public String toString() {
        return text();
    }
}
