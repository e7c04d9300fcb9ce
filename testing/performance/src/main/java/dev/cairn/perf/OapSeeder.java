package dev.cairn.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Seeds Cairn over the OAP API: {@code PUT /put} of every object with the write token, checking
 * that the address the gateway answers is the BLAKE3 computed here. A body over the gateway's
 * {@code oap.max-body} (1 MiB by default, so the 4 MiB hot objects) is refused with 413; such
 * objects are left out of the OAP manifest and counted, so the summary can say so.
 */
final class OapSeeder {
    private static final int ONE_MIB = 1 << 20;
    /**
     * The manifest, the seeded objects by address, and how many objects the gateway refused as
     * larger than its {@code oap.max-body}.
     */
    record Result(Manifest manifest, Map<String, SeedObject> byAddress, int overBodyCap) {
        /** The largest size seeded, so peers' OAP manifests can leave out what Cairn refused. */
        int largestSeeded() {
            return byAddress.values().stream().mapToInt(SeedObject::size).max().orElse(0);
        }
    }

    private OapSeeder() {
    }

    /**
     * @throws IllegalStateException if the gateway answers anything but 200, 201 or (for an object
     *     over 1 MiB) 413, or names another address than the BLAKE3 of the bytes
     * @throws UncheckedIOException if the connection fails on an object up to 1 MiB
     */
    static Result seed(URI endpoint, String token, List<SeedObject> objects) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Manifest manifest = new Manifest();
        Map<String, SeedObject> byAddress = new LinkedHashMap<>();
        int refused = 0;
        for (SeedObject object : objects) {
            byte[] bytes = object.bytes();
            String address = SeedObject.address(bytes);
            HttpRequest put = HttpRequest.newBuilder(endpoint.resolve("/put"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .build();
            Optional<HttpResponse<String>> sent = send(http, put, object.size() > ONE_MIB ? 2 : 1);
            if (sent.isEmpty() || sent.get().statusCode() == 413 && object.size() > ONE_MIB) {
                refused++;
                continue;
            }
            HttpResponse<String> answer = sent.get();
            if (answer.statusCode() != 200 && answer.statusCode() != 201) {
                throw new IllegalStateException("OAP PUT /put of " + object.key() + " answered " + answer.statusCode() + ": " + answer.body());
            }
            if (!answer.body().contains("\"cid\":\"" + address + "\"")) {
                throw new IllegalStateException("OAP PUT /put of " + object.key() + " answered " + answer.body()
                        + ", expected the address " + address);
            }
            manifest.add(object, Manifest.oapPath(address));
            byAddress.put(address, object);
        }
        return new Result(manifest, Map.copyOf(byAddress), refused);
    }

    /**
     * Sends the request; for a body over 1 MiB, a connection closed while sending counts as the
     * gateway's refusal: it answers 413 as soon as it sees the Content-Length and closes without
     * reading the body, and the JDK 17 client then often reports the closed connection instead of
     * the 413 (its {@code Expect: 100-continue} support hangs instead, JDK-8286171). Such a body
     * is tried {@code attempts} times before it counts as refused.
     *
     * @return empty when every attempt lost the connection on an over-1-MiB body
     */
    private static Optional<HttpResponse<String>> send(HttpClient http, HttpRequest request, int attempts) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
            } catch (IOException e) {
                if (attempts == 1) {
                    throw new UncheckedIOException("OAP seeding: " + request.uri(), e);
                }
                if (attempt >= attempts) {
                    return Optional.empty();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while seeding", e);
            }
        }
    }
}
