package dev.cairn.server.http;

import dev.cairn.blob.BlobStore;
import dev.cairn.blob.HealthReport;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liveness and readiness probes.
 *
 * <ul>
 *   <li>{@code GET /healthz}: 200 {@code {"status":"ok"}} while the process serves HTTP at all.
 *   <li>{@code GET /readyz}: 200 when the store's {@link BlobStore#health()} reports it readable
 *       and writable, else 503; body {@code {"ready":true,"read":true,"write":true,"backend":"local","detail":"ok"}}.
 *       A health check that throws counts as neither readable nor writable.
 * </ul>
 */
@Path("/")
public final class HealthResource {
    private static final Logger LOG = LoggerFactory.getLogger(HealthResource.class);
    private static final String CACHE_CONTROL = "Cache-Control";
    private static final String NO_STORE = "no-store";

    private final BlobStore store;

    public HealthResource(BlobStore store) {
        this.store = store;
    }

    @GET
    @Path("healthz")
    @Produces(MediaType.APPLICATION_JSON)
    public Response healthz() {
        return Response.ok("{\"status\":\"ok\"}").header(CACHE_CONTROL, NO_STORE).build();
    }

    @GET
    @Path("readyz")
    @Produces(MediaType.APPLICATION_JSON)
    public Response readyz() {
        HealthReport report;
        try {
            report = store.health();
        } catch (RuntimeException e) {
            LOG.warn("health check of backend {} failed", store.id(), e);
            report = new HealthReport(false, false, "health check failed");
        }
        boolean ready = report.readable() && report.writable();
        String body = "{\"ready\":" + ready + ",\"read\":" + report.readable() + ",\"write\":" + report.writable()
                + ",\"backend\":" + Json.quote(store.id()) + ",\"detail\":" + Json.quote(report.detail()) + "}";
        return Response.status(ready ? 200 : 503).entity(body).header(CACHE_CONTROL, NO_STORE).build();
    }
}
