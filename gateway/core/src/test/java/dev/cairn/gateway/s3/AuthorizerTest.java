package dev.cairn.gateway.s3;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.gateway.s3.auth.Principal;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import dev.cairn.gateway.s3.route.Access;
import dev.cairn.gateway.s3.route.S3Operation;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuthorizerTest {
    private final Authorizer authorizer = new Authorizer(Set.of("pub"));

    @ParameterizedTest
    @EnumSource(Access.class)
    void authenticatedPrincipalsMayDoEverything(Access access) {
        assertDoesNotThrow(() -> authorizer.check(access, Principal.of("AKID"), "priv"));
        assertDoesNotThrow(() -> authorizer.check(access, Principal.of("AKID"), null));
    }

    @Test
    void anonymousMayOnlyReadPublicBuckets() {
        assertDoesNotThrow(() -> authorizer.check(Access.READ, Principal.ANONYMOUS, "pub"));
        for (Access access : Access.values()) {
            assertDenied(access, "priv");
            assertDenied(access, null);
            if (access != Access.READ) {
                assertDenied(access, "pub");
            }
        }
    }

    /** Pins what a public-read bucket exposes, so a new READ operation is a deliberate choice. */
    @Test
    void readOperationsAreThoseOfS3PublicReadAcl() {
        EnumSet<S3Operation> read = EnumSet.noneOf(S3Operation.class);
        for (S3Operation op : S3Operation.values()) {
            if (op.access() == Access.READ) {
                read.add(op);
            }
        }
        assertEquals(EnumSet.of(S3Operation.HEAD_BUCKET, S3Operation.LIST_OBJECTS, S3Operation.LIST_OBJECTS_V2,
                S3Operation.LIST_MULTIPART_UPLOADS, S3Operation.GET_OBJECT, S3Operation.HEAD_OBJECT), read);
    }

    private void assertDenied(Access access, String bucket) {
        S3Exception e = assertThrows(S3Exception.class, () -> authorizer.check(access, Principal.ANONYMOUS, bucket));
        assertEquals(S3ErrorCode.AccessDenied, e.code());
    }
}
