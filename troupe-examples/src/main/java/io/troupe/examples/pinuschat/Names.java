package io.troupe.examples.pinuschat;

/** The demo's user ids: {@code username*rid}. */
final class Names {
    private Names() {
    }

    static String uid(String username, String rid) {
        return username + "*" + rid;
    }

    static String user(String uid) {
        int star = uid.indexOf('*');
        return star < 0 ? uid : uid.substring(0, star);
    }
}
