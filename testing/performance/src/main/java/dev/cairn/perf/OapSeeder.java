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

/**
 * Seeds Cairn over the OAP API: {@code PUT /put} of every object with the write token, checking
 * that the address the gateway answers is the BLAKE3 computed here. A body over the gateway's
 * {@code oap.max-body} (1 MiB by default, so the 4 MiB hot objects) is refused with 413; such
 * objects are left out of the OAP manifest and counted, so the summary can say so.
 */
final class OapSeeder {
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
                    // the gateway refuses a body over its cap at once and closes the connection;
                    // waiting for 100 Continue lets that 413 arrive before the body is sent
                    .expectContinue(true)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .build();
            HttpResponse<String> answer = send(http, put);
            if (answer.statusCode() == 413 && object.size() > (1 << 20)) {
                refused++;
                continue;
            }
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

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("OAP seeding: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding", e);
        }
    }
}
