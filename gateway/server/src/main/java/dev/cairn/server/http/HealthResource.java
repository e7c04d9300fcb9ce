package dev.cairn.server.http;

import dev.cairn.blob.BlobStore;
import dev.cairn.blob.HealthReport;
import dev.cairn.server.admission.ReadinessProbe;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liveness and readiness probes.
 *
 * <ul>
 *   <li>{@code GET /healthz}: 200 {@code {"status":"ok"}} while the process serves HTTP at all.
 *   <li>{@code GET /readyz}: read and write readiness, each with the reasons against it:
 *       {@code {"ready":true,"read":{"ready":true,"reasons":[]},"write":{"ready":true,"reasons":[]},"backend":"local","detail":"ok"}}.
 *       The status follows reads: 200 while reads are ready (even when writes are not: load
 *       balancers route on the status, and a node that can serve reads stays in rotation), 503
 *       when they are not. Top-level {@code ready} is true only when both are. A health check
 *       that throws counts as neither readable nor writable. See docs/operations.md.
 * </ul>
 */
@Path("/")
public final class HealthResource {
    private static final Logger LOG = LoggerFactory.getLogger(HealthResource.class);
    private static final String CACHE_CONTROL = "Cache-Control";
    private static final String NO_STORE = "no-store";

    private final BlobStore store;
    private final ReadinessProbe probe;

    /** Readiness from the backend's health alone. */
    public HealthResource(BlobStore store) {
        this(store, ReadinessProbe.backendOnly());
    }

    /** Readiness from the backend's health and the admission budgets {@code probe} watches. */
    public HealthResource(BlobStore store, ReadinessProbe probe) {
        this.store = store;
        this.probe = probe;
    }

    /** Always 200 while the process serves HTTP. */
    @GET
    @Path("healthz")
    @Produces(MediaType.APPLICATION_JSON)
    public Response healthz() {
        return Response.ok("{\"status\":\"ok\"}").header(CACHE_CONTROL, NO_STORE).build();
    }

    /** 200 while reads are ready, else 503; the body says which kinds are ready and why not. */
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
        ReadinessProbe.Readiness r = probe.evaluate(report);
        String body = "{\"ready\":" + (r.readReady() && r.writeReady()) + ",\"read\":" + kind(r.readReady(), r.readReasons())
                + ",\"write\":" + kind(r.writeReady(), r.writeReasons()) + ",\"backend\":" + Json.quote(store.id())
                + ",\"detail\":" + Json.quote(report.detail()) + "}";
        return Response.status(r.readReady() ? 200 : 503).entity(body).header(CACHE_CONTROL, NO_STORE).build();
    }

    private static String kind(boolean ready, List<String> reasons) {
        StringBuilder b = new StringBuilder("{\"ready\":").append(ready).append(",\"reasons\":[");
        for (int i = 0; i < reasons.size(); i++) {
            b.append(i == 0 ? "" : ",").append(Json.quote(reasons.get(i)));
        }
        return b.append("]}").toString();
    }
}
