package dev.cairn.gateway.s3.auth;

import java.util.Objects;

/**
 * Who sent a request: the access key that signed it, or nobody (an anonymous request, which
 * carried neither an {@code Authorization} header nor presigned parameters). A request whose
 * signature failed never gets a principal: it is refused during authentication.
 */
public sealed interface Principal {

    /** The anonymous caller. */
    Principal ANONYMOUS = new Anonymous();

    /** A caller authenticated by SigV4 with {@code accessKeyId}. */
    static Principal of(String accessKeyId) {
        return new AccessKey(accessKeyId);
    }

    /** True for {@link #ANONYMOUS}. */
    default boolean anonymous() {
        return this instanceof Anonymous;
    }

    /** The signing key's id. */
    record AccessKey(String accessKeyId) implements Principal {
        public AccessKey {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
        }
    }

    /** No credentials at all. */
    final class Anonymous implements Principal {
        private Anonymous() {
        }

        @Override
        public String toString() {
            return "anonymous";
        }
    }
}
