package dev.cairn.gateway.s3.ops;

import dev.cairn.blob.Capability;
import dev.cairn.blob.ReadConditions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.gateway.http.EntityTagList;
import dev.cairn.gateway.http.Headers;
import dev.cairn.gateway.http.HttpDates;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Conditional request headers, turned into the store's read conditions and write preconditions. */
final class Preconditions {
    /** The prefix of CopyObject's source conditions ({@code x-amz-copy-source-if-match}, ...). */
    static final String COPY_SOURCE = "x-amz-copy-source-";

    private Preconditions() {
    }

    /**
     * Read conditions from {@code <prefix>If-Match}, {@code If-None-Match},
     * {@code If-Modified-Since} and {@code If-Unmodified-Since}. The store evaluates them in S3's
     * precedence ({@link ReadConditions}). An unparseable date is ignored, as S3 and RFC 9110 do.
     *
     * @param prefix {@code ""} for GET and HEAD, {@link #COPY_SOURCE} for a copy's source
     */
    static ReadConditions read(Headers headers, String prefix) {
        return new ReadConditions(
                tags(headers.joined(prefix + "If-Match"), true),
                tags(headers.joined(prefix + "If-None-Match"), false),
                HttpDates.parse(headers.first(prefix + "If-Modified-Since")),
                HttpDates.parse(headers.first(prefix + "If-Unmodified-Since")));
    }

    /** The header S3 names in a 412's {@code <Condition>}: If-Match wins, else If-Unmodified-Since failed. */
    static String failedReadCondition(ReadConditions c) {
        return c.ifMatch() != null ? "If-Match" : "If-Unmodified-Since";
    }

    /**
     * The precondition of a write: {@code If-None-Match: *} creates only, {@code If-Match: "etag"}
     * replaces only that version. Checked against the store's capabilities before the body is read.
     *
     * @throws S3Exception NotImplemented (501) for any other If-None-Match value, for If-Match with
     *     {@code *} or several tags, for both headers together, and when the store cannot enforce
     *     the condition atomically (it is never emulated with a read-then-write)
     */
    static WritePrecondition write(Headers headers, Set<Capability> capabilities) {
        String ifNoneMatch = headers.joined("If-None-Match");
        String ifMatch = headers.joined("If-Match");
        if (ifNoneMatch != null && ifMatch != null) {
            throw new S3Exception(S3ErrorCode.NotImplemented, "If-Match and If-None-Match cannot be combined on a write.");
        }
        if (ifNoneMatch != null) {
            if (!ifNoneMatch.trim().equals("*")) {
                throw new S3Exception(S3ErrorCode.NotImplemented, "A header you provided implies functionality that is not implemented.",
                        Map.of("Header", "If-None-Match"));
            }
            require(capabilities, Capability.WRITE_IF_ABSENT, "If-None-Match");
            return new WritePrecondition.IfAbsent();
        }
        if (ifMatch != null) {
            EntityTagList list = EntityTagList.parse(ifMatch);
            if (list.isAny() || list.tags().size() != 1) {
                throw new S3Exception(S3ErrorCode.NotImplemented, "If-Match on a write takes exactly one entity tag.",
                        Map.of("Header", "If-Match"));
            }
            require(capabilities, Capability.WRITE_IF_MATCH, "If-Match");
            return new WritePrecondition.IfMatch(list.tags().get(0).opaque());
        }
        return WritePrecondition.NONE;
    }

    /**
     * Refuses a conditional delete: the storage SPI has no atomic one, and silently ignoring a
     * condition the client relies on would be worse than saying so.
     *
     * @throws S3Exception NotImplemented (501) when If-Match is present
     */
    static void requireUnconditionalDelete(Headers headers) {
        if (headers.has("If-Match")) {
            throw new S3Exception(S3ErrorCode.NotImplemented, "Conditional deletes are not implemented.",
                    Map.of("Header", "If-Match"));
        }
    }

    private static void require(Set<Capability> capabilities, Capability needed, String header) {
        if (!capabilities.contains(needed)) {
            throw new S3Exception(S3ErrorCode.NotImplemented,
                    "The storage backend cannot enforce " + header + " atomically, so conditional writes are not available.",
                    Map.of("Header", header));
        }
    }

    /**
     * Entity tags as the store compares them (unquoted; {@code *} for any). For If-Match only strong
     * tags count (RFC 9110 strong comparison): a list of only weak tags matches nothing.
     */
    private static List<String> tags(String value, boolean strongOnly) {
        EntityTagList list = EntityTagList.parse(value);
        if (list == null) {
            return null;
        }
        if (list.isAny()) {
            return List.of("*");
        }
        List<String> out = new ArrayList<>();
        for (EntityTagList.Tag t : list.tags()) {
            if (!strongOnly || !t.weak()) {
                out.add(t.opaque());
            }
        }
        return out;
    }
}
