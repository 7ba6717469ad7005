package io.troupe.server.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** Compact JSON as {@code JSON.stringify} writes it, and strict parsing. */
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    static byte[] write(JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }

    /** Parses one JSON value; empty or malformed input is a {@link ProtocolException}. */
    static JsonNode parse(byte[] bytes) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new ProtocolException("empty JSON");
            }
            return node;
        } catch (JacksonException e) {
            throw new ProtocolException("malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** md5 of the compact JSON, base64: the version pinus gives dictionaries and protos. */
    static String md5Base64(JsonNode node) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(
                    MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
