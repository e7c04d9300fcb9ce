package dev.cairn.server.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;

/**
 * Keeps Jersey from inventing a Content-Type. Jersey gives every entity a media type (for a
 * {@link jakarta.ws.rs.core.StreamingOutput}, {@code application/octet-stream}) when the
 * resource set none; for S3 the handler's headers are the whole truth, so a response marked by
 * {@link #suppress} goes out without one. Applies only to marked requests.
 */
public final class RawContentType implements WriterInterceptor {
    private static final String PROPERTY = RawContentType.class.getName();

    /** Marks the current request's response as having no Content-Type. */
    static void suppress(ContainerRequestContext ctx) {
        ctx.setProperty(PROPERTY, Boolean.TRUE);
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (Boolean.TRUE.equals(context.getProperty(PROPERTY))) {
            // headers are committed on the first write below, so this removal still takes effect
            context.getHeaders().remove("Content-Type");
        }
        context.proceed();
    }
}
