package dev.cairn.bench.multipart;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * Records how the SDK sent the first UploadPart body after {@link #reset}: its
 * {@code x-amz-content-sha256} (signed, unsigned, aws-chunked ...) and any {@code x-amz-trailer}.
 * The report names it, because the body encoding is part of what each server pays for.
 */
final class PayloadModeRecorder implements ExecutionInterceptor {
    private volatile String mode;

    void reset() {
        mode = null;
    }

    String mode() {
        return mode == null ? "(no UploadPart seen)" : mode;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (mode == null && context.request() instanceof UploadPartRequest) {
            String sha = context.httpRequest().firstMatchingHeader("x-amz-content-sha256").orElse("(none)");
            String trailer = context.httpRequest().firstMatchingHeader("x-amz-trailer").orElse(null);
            mode = trailer == null ? sha : sha + " + trailer " + trailer;
        }
    }
}
