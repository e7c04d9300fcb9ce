package dev.cairn.gateway.oap;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.gateway.http.HttpCall;
import dev.cairn.gateway.http.HttpResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAP object API: immutable blobs addressed by their BLAKE3-256 digest, {@code b3:<hex>}.
 * Framework-free: a server adapter turns each request into an {@link HttpCall} and writes the
 * returned {@link HttpResult}.
 *
 * <h2>Routes</h2>
 * <ul>
 *   <li>{@code PUT /put}, {@code POST /put}, {@code POST /o}: store the body; the address is
 *       computed. 201 when newly stored, 200 when those bytes were already stored; both with
 *       {@code Location: /o/b3:<hex>}, {@code ETag: "b3:<hex>"} and
 *       {@code {"cid":"b3:<hex>","size":N}}.
 *   <li>{@code PUT /o/{addr}}: store the body under a claimed address; 201/200 as above; 422 when
 *       the body's digest differs (nothing is stored, {@code integrity.fail{reason=digest_mismatch}}
 *       is counted).
 *   <li>{@code GET|HEAD /o/{addr}}: the blob, with single byte ranges and conditional requests.
 * </ul>
 *
 * <h2>Errors</h2>
 * {@code application/problem+json}: 400 malformed address, body or header; 401 no or malformed
 * bearer token (with {@code WWW-Authenticate: Bearer}); 403 wrong token; 404 unknown blob or
 * path; 405 wrong method (with {@code Allow}); 412 If-Match failed; 413 body over a limit; 415
 * unknown Content-Encoding; 416 unsatisfiable range; 422 digest mismatch; 5xx store failures
 * (500 carries a {@code requestId} that is also logged).
 *
 * <p>Thread-safe; one instance serves all requests.
 */
public final class OapApi {
    /** The store bucket that holds every blob, keyed by address text. */
    public static final String BUCKET = ".oap";

    private static final Logger LOG = LoggerFactory.getLogger(OapApi.class);
    private static final String PUT_ALLOW = "PUT, POST, OPTIONS";
    private static final String O_ALLOW = "POST, OPTIONS";
    private static final String BLOB_ALLOW = "GET, HEAD, PUT, OPTIONS";

    private final OapSettings settings;
    private final BearerAuth writeAuth;
    private final BearerAuth readAuth;
    private final OapReads reads;
    private final OapWrites writes;

    /**
     * Creates the API and the {@value #BUCKET} bucket if it does not exist.
     *
     * @param registry receives {@code integrity.fail} (tag {@code reason})
     * @throws BlobStoreException if the bucket cannot be created
     */
    public OapApi(BlobStore store, OapSettings settings, MeterRegistry registry) {
        Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(registry, "registry");
        ensureBucket(store);
        Counter digestMismatch = Counter.builder("integrity.fail")
                .description("Bodies rejected because their digest or length did not match")
                .tag("reason", "digest_mismatch")
                .register(registry);
        this.writeAuth = new BearerAuth(settings.writeToken());
        this.readAuth = new BearerAuth(settings.readToken(), settings.writeToken());
        this.reads = new OapReads(store, BUCKET);
        this.writes = new OapWrites(store, BUCKET, settings, digestMismatch);
    }

    private static void ensureBucket(BlobStore store) {
        if (store.bucketExists(BUCKET)) {
            return;
        }
        try {
            store.createBucket(BUCKET);
        } catch (BlobStoreException e) {
            if (e.error() != BlobError.BUCKET_ALREADY_EXISTS) {
                throw e; // another instance sharing the store may have created it meanwhile; anything else is fatal
            }
        }
    }

    /** Whether this API serves {@code rawPath}; the adapter may route everything else elsewhere. */
    public static boolean handles(String rawPath) {
        return rawPath.equals("/put") || rawPath.equals("/o") || rawPath.startsWith("/o/");
    }

    /**
     * Handles one request. Never throws: every failure becomes a problem response. The caller
     * must close the result's body (if any) once written or abandoned.
     */
    public HttpResult handle(HttpCall call) {
        boolean head = call.method().equals("HEAD");
        try {
            return route(call, head);
        } catch (OapException e) {
            return render(e.problem(), call, head, null);
        } catch (BlobStoreException e) {
            return render(Problems.forStoreError(e.error()), call, head, e);
        } catch (RuntimeException e) {
            return render(Problems.internal(), call, head, e);
        }
    }

    private HttpResult route(HttpCall call, boolean head) {
        String path = call.rawPath();
        String method = call.method();
        if (path.equals("/put") || path.equals("/o")) {
            String allow = path.equals("/put") ? PUT_ALLOW : O_ALLOW;
            boolean allowed = method.equals("POST") || (method.equals("PUT") && path.equals("/put"));
            if (!allowed) {
                return otherMethod(method, allow);
            }
            authorize(writeAuth, call, false);
            return writes.putComputed(call);
        }
        if (path.startsWith("/o/")) {
            String addressText = path.substring(3);
            switch (method) {
                case "GET", "HEAD" -> {
                    authorize(readAuth, call, settings.publicReads());
                    return reads.read(call.headers(), address(addressText), head);
                }
                case "PUT" -> {
                    authorize(writeAuth, call, false);
                    return writes.putClaimed(call, address(addressText));
                }
                default -> {
                    return otherMethod(method, BLOB_ALLOW);
                }
            }
        }
        throw new OapException(Problems.unknownPath());
    }

    private static HttpResult otherMethod(String method, String allow) {
        if (method.equals("OPTIONS")) {
            return HttpResult.status(204).header("Allow", allow).build();
        }
        throw new OapException(Problems.methodNotAllowed(method, allow));
    }

    private void authorize(BearerAuth auth, HttpCall call, boolean open) {
        if (open || (auth == writeAuth && settings.openWrites())) {
            return;
        }
        switch (auth.check(call.headers().first("Authorization"))) {
            case ALLOWED -> {
                // proceed
            }
            case MISSING -> throw new OapException(Problems.unauthorized());
            case WRONG -> throw new OapException(Problems.forbidden());
        }
    }

    private static BlobAddress address(String text) {
        BlobAddress a = BlobAddress.parse(text);
        if (a == null) {
            throw new OapException(Problems.badAddress());
        }
        return a;
    }

    private static HttpResult render(Problem problem, HttpCall call, boolean head, RuntimeException cause) {
        if (problem.status() >= 500) {
            problem = problem.withRequestId(call.requestId());
            if (problem.status() == 500) {
                LOG.error("oap {} {} failed, request id {}", call.method(), call.rawPath(), call.requestId(), cause);
            } else {
                LOG.warn("oap {} {} answered {}, request id {}: {}", call.method(), call.rawPath(), problem.status(),
                        call.requestId(), cause == null ? problem.title() : cause.getMessage());
            }
        }
        if (problem.status() == 304) {
            return HttpResult.status(304).build();
        }
        return problem.toResult(!head);
    }
}
