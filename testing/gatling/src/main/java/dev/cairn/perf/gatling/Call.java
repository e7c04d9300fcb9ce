package dev.cairn.perf.gatling;

import java.util.Map;

/**
 * One request, fully decided before Gatling sends it: route, method, path, the headers to add
 * (signature included) and the body, or null for none.
 */
record Call(Route route, String method, String path, Map<String, String> headers, byte[] body) {
}
