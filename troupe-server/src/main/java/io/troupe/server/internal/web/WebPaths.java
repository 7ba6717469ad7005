package io.troupe.server.internal.web;

import io.netty.handler.codec.http.QueryStringDecoder;

/** Turns a request target into a safe relative file path, or refuses it. */
final class WebPaths {
    private WebPaths() {
    }

    /**
     * The relative path a request target names: percent-decoded, query and fragment dropped, leading slash removed,
     * {@code index.html} for a path ending in {@code /}.
     *
     * @return the path (no leading slash, segments separated by {@code /}), or null when the target is malformed
     *     or could leave the served root: a {@code .} or {@code ..} segment, an empty segment ({@code //}), a
     *     backslash, a colon, a NUL or other control character, or a segment starting with a dot (hidden files)
     */
    static String relativePath(String uri) {
        String path;
        try {
            path = new QueryStringDecoder(uri).path();
        } catch (IllegalArgumentException e) {
            return null;
        }
        int hash = path.indexOf('#');
        if (hash >= 0) {
            path = path.substring(0, hash);
        }
        if (!path.startsWith("/")) {
            return null;
        }
        path = path.substring(1);
        if (path.isEmpty() || path.endsWith("/")) {
            path = path + "index.html";
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7F || c == '\\' || c == ':') {
                return null;
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                return null;
            }
        }
        return path;
    }
}
