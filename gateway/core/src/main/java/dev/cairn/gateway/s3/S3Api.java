package dev.cairn.gateway.s3;

import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.gateway.http.HttpCall;
import dev.cairn.gateway.http.HttpResult;
import dev.cairn.gateway.s3.auth.AuthStyle;
import dev.cairn.gateway.s3.auth.Principal;
import dev.cairn.gateway.s3.auth.S3AuthException;
import dev.cairn.gateway.s3.auth.SigV4Settings;
import dev.cairn.gateway.s3.auth.SigV4Verifier;
import dev.cairn.gateway.s3.auth.SignedRequestView;
import dev.cairn.gateway.s3.auth.VerifiedRequest;
import dev.cairn.gateway.s3.chunked.AwsChunkedDecoder;
import dev.cairn.gateway.s3.error.BlobErrors;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import dev.cairn.gateway.s3.ops.BucketOps;
import dev.cairn.gateway.s3.ops.ListOps;
import dev.cairn.gateway.s3.ops.MultipartOps;
import dev.cairn.gateway.s3.ops.ObjectOps;
import dev.cairn.gateway.s3.route.MalformedRequestException;
import dev.cairn.gateway.s3.route.ParsedRequest;
import dev.cairn.gateway.s3.route.S3Operation;
import dev.cairn.gateway.s3.route.S3RequestParser;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The S3 API: parse, authenticate, dispatch, render. Framework-free: the server turns each
 * request into an {@link HttpCall} and writes the returned {@link HttpResult}.
 *
 * <p>Signed requests are SigV4-verified (header, presigned or streaming) and, once verified, may
 * do everything (single tenant). A request without any signature is anonymous: the
 * {@link Authorizer} lets it read a public-read bucket and refuses everything else with
 * AccessDenied. A request with a bad signature is refused, never treated as anonymous. Known but unsupported operations answer 501 NotImplemented, and
 * no request can fall through to another operation ({@link S3RequestParser}). Every failure is
 * S3 error XML with the right status; unexpected ones are 500 InternalError with a request id
 * that is also logged, never a stack trace.
 *
 * <p>Thread-safe; one instance serves all requests.
 */
public final class S3Api {
    private static final Logger LOG = LoggerFactory.getLogger(S3Api.class);

    private final S3Settings settings;
    private final S3RequestParser parser;
    private final SigV4Verifier verifier;
    private final Authorizer authorizer;
    private final AwsChunkedDecoder decoder = AwsChunkedDecoder.defaults();
    private final Map<S3Operation, S3Handler> handlers;

    /**
     * @param handlers the operations this build serves; every operation not listed answers 501
     * @throws IllegalArgumentException if a handler is registered for an error pseudo-operation
     */
    public S3Api(BlobStore store, S3Settings settings, MeterRegistry registry, Clock clock, Map<S3Operation, S3Handler> handlers) {
        this.settings = settings;
        this.parser = new S3RequestParser(settings.virtualHostDomain());
        SigV4Settings sig = new SigV4Settings(settings.strictRegion() ? settings.region() : null, settings.maxClockSkew(),
                SigV4Settings.defaults().signingKeyCacheSize());
        this.verifier = SigV4Verifier.create(settings.accessKeys(), sig, clock);
        this.authorizer = new Authorizer(settings.publicReadBuckets());
        EnumMap<S3Operation, S3Handler> all = new EnumMap<>(S3Operation.class);
        for (S3Operation op : S3Operation.values()) {
            if (op.isError()) {
                if (handlers.containsKey(op)) {
                    throw new IllegalArgumentException(op + " is an error pseudo-operation and takes no handler");
                }
                continue;
            }
            S3Handler h = handlers.get(op);
            all.put(op, h != null ? h : notImplemented(op));
        }
        this.handlers = all;
    }

    /** The standard handler set over {@code store}. */
    public static S3Api create(BlobStore store, S3Settings settings, MeterRegistry registry, Clock clock) {
        return new S3Api(store, settings, registry, clock, standardHandlers(store, settings, registry));
    }

    static Map<S3Operation, S3Handler> standardHandlers(BlobStore store, S3Settings settings, MeterRegistry registry) {
        Map<S3Operation, S3Handler> m = new LinkedHashMap<>();
        new BucketOps(store, settings).register(m);
        new ObjectOps(store, registry).register(m);
        new ListOps(store, settings).register(m);
        new MultipartOps(store, settings, registry).register(m);
        return m;
    }

    private static S3Handler notImplemented(S3Operation op) {
        return req -> {
            throw new S3Exception(S3ErrorCode.NotImplemented, op + " is not implemented by this gateway.");
        };
    }

    /**
     * Handles one request; never throws. The caller closes the result's body, if any. Every
     * result, errors included, carries {@code x-amz-id-2} ({@link HostId}).
     */
    public HttpResult handle(HttpCall call) {
        return HostId.stamp(dispatch(call), call.requestId());
    }

    private HttpResult dispatch(HttpCall call) {
        boolean head = call.method().equals("HEAD");
        String resource = call.rawPath();
        S3Request request = null;
        try {
            ParsedRequest parsed = parser.parse(call.method(), call.headers().first("Host"), call.rawPath(), call.rawQuery(),
                    name -> call.headers().has(name));
            VerifiedRequest auth = authenticate(call, parsed);
            Principal principal = auth == null ? Principal.ANONYMOUS : Principal.of(auth.accessKeyId());
            authorizer.check(parsed.operation().access(), principal, parsed.bucket());
            request = new S3Request(call, parsed, auth, principal, () -> openBody(call, auth, parsed.operation()));
            resource = request.resource();
            switch (parsed.operation()) {
                case UNSUPPORTED -> throw new S3Exception(S3ErrorCode.NotImplemented,
                        "A header or query parameter you provided implies functionality that is not implemented.");
                case METHOD_NOT_ALLOWED -> throw new S3Exception(S3ErrorCode.MethodNotAllowed);
                default -> {
                }
            }
            TrailerPolicy.check(parsed.operation(), call.headers());
            S3Response response = handlers.get(parsed.operation()).handle(request);
            return S3Renderer.render(response, head);
        } catch (S3Exception e) {
            return S3Renderer.error(e, resource, call.requestId(), head);
        } catch (S3AuthException e) {
            return S3Renderer.error(new S3Exception(e.error(), e.getMessage(), e.details()),
                    resource, call.requestId(), head);
        } catch (MalformedRequestException e) {
            return S3Renderer.error(new S3Exception(S3ErrorCode.valueOf(e.code()), e.getMessage()), resource, call.requestId(), head);
        } catch (BlobStoreException e) {
            S3Exception clientError = bodyFailure(request);
            if (clientError != null) {
                return S3Renderer.error(clientError, resource, call.requestId(), head);
            }
            if (e.error() == dev.cairn.blob.BlobError.INTERNAL) {
                LOG.error("request {}: store failure: {}", call.requestId(), e.getMessage(), e);
            }
            return S3Renderer.error(BlobErrors.toS3(e), resource, call.requestId(), head);
        } catch (IOException e) {
            // Reading the request body failed: the client's mistake (bad chunk, short body, checksum)
            // when the body recorded one, otherwise ours.
            S3Exception clientError = bodyFailure(request);
            if (clientError != null) {
                return S3Renderer.error(clientError, resource, call.requestId(), head);
            }
            LOG.error("request {}: I/O failure in {} {}", call.requestId(), call.method(), resource, e);
            return S3Renderer.error(new S3Exception(S3ErrorCode.InternalError), resource, call.requestId(), head);
        } catch (RuntimeException e) {
            LOG.error("request {}: unexpected failure in {} {}", call.requestId(), call.method(), resource, e);
            return S3Renderer.error(new S3Exception(S3ErrorCode.InternalError), resource, call.requestId(), head);
        }
    }

    private static S3Exception bodyFailure(S3Request request) {
        return request == null ? null : request.bodyFailure();
    }

    private RequestBody openBody(HttpCall call, VerifiedRequest auth, S3Operation operation) {
        if (auth == null) {
            // the authorizer admits anonymous callers only to READ operations, which read no body
            throw new S3Exception(S3ErrorCode.AccessDenied, "Anonymous requests cannot send a body.");
        }
        // A part has its own cap (S3: 5 GiB per part, independent of the single-PUT limit).
        long cap = operation == S3Operation.UPLOAD_PART ? settings.maxPartSize() : settings.maxPutSize();
        // On CompleteMultipartUpload the x-amz-checksum-* headers describe the object, not the XML body.
        boolean bodyChecksums = operation != S3Operation.COMPLETE_MULTIPART_UPLOAD;
        return RequestBody.open(call, auth, decoder, cap, bodyChecksums);
    }

    /** The verified signature, or null for an anonymous request (no signature of any kind). */
    private VerifiedRequest authenticate(HttpCall call, ParsedRequest parsed) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : call.headers().names()) {
            headers.put(name, call.headers().all(name));
        }
        SignedRequestView view = new SignedRequestView(call.method(), call.rawPath(), call.rawQuery(), headers);
        if (AuthStyle.detect(view) == AuthStyle.ANONYMOUS) {
            return null;
        }
        return verifier.verify(view, parsed.virtualHosted() ? parsed.bucket() : null);
    }
}
