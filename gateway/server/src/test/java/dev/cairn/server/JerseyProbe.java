package dev.cairn.server;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the requests Jersey sees (a request filter runs for every matched request) and serves
 * {@code GET /probe}, a path only Jersey knows: proof of which requests took the native edge.
 */
@Path("probe")
public final class JerseyProbe implements ContainerRequestFilter {
    final AtomicInteger seen = new AtomicInteger();

    @Override
    public void filter(ContainerRequestContext request) {
        seen.incrementAndGet();
    }

    @GET
    public String get() {
        return "jersey";
    }
}
