package io.troupe.server.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test helpers: bytes from hex groups and quoted text, JSON parsing. */
final class Bytes {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private Bytes() {
    }

    /** Concatenates parts: a part starting with a single quote is UTF-8 text, any other is hex bytes. */
    static byte[] of(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : parts) {
            if (part.startsWith("'")) {
                out.writeBytes(part.substring(1).getBytes(StandardCharsets.UTF_8));
            } else {
                for (String h : part.trim().split("\\s+")) {
                    if (!h.isEmpty()) {
                        out.write(Integer.parseInt(h, 16));
                    }
                }
            }
        }
        return out.toByteArray();
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(String.format("%02x", x & 0xFF));
        }
        return sb.toString();
    }
}
