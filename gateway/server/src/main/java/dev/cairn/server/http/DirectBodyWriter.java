package dev.cairn.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import org.glassfish.jersey.message.internal.CommittingOutputStream;

/**
 * Writes {@link DirectBody} entities straight to Jetty, here because only an interceptor still
 * holds Jersey's committing stream (the entity writer gets it wrapped). Every other entity, and a
 * direct body whose stream another interceptor replaced or whose body offers no buffers, passes
 * on. Its priority puts it inside the other interceptors: {@link RawContentType} has removed a
 * Content-Type before this commits the head.
 */
@Priority(Priorities.USER + 1000)
public final class DirectBodyWriter implements WriterInterceptor {
    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getEntity() instanceof DirectBody direct)
                || !(context.getOutputStream() instanceof CommittingOutputStream jersey)
                || !direct.writeDirect(jersey)) {
            context.proceed();
        }
    }
}
