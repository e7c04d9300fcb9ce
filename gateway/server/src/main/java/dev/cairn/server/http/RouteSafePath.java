package dev.cairn.server.http;

import org.eclipse.jetty.server.Request;

/** The request path for logs: never the query string, which may hold a presigned signature. */
final class RouteSafePath {
    private RouteSafePath() {
    }

    static String of(Request request) {
        String path = request.getHttpURI().getPath();
        return path == null ? "/" : path;
    }
}
