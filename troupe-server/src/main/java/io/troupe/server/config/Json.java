package io.troupe.server.config;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reading JSON files strictly, and naming places and values in error messages. */
final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Json() {
    }

    /** The file's top-level value, which must be an object. */
    static JsonNode readObject(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file, "", "cannot read the file (" + e + ")", e);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ConfigException(file, where, "malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ConfigException(file, "", "malformed JSON: the file is empty, expected an object");
        }
        if (!root.isObject()) {
            throw new ConfigException(file, "$", "expected an object, found " + describe(root));
        }
        return root;
    }

    /** {@code path} followed by the property {@code key}, as a JSON path. */
    static String child(String path, String key) {
        return PLAIN_KEY.matcher(key).matches() ? path + "." + key : path + "['" + key.replace("'", "\\'") + "']";
    }

    /** What a value is, for messages: {@code a string ("4050")}, {@code an array}, ... */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) return "nothing";
        if (node.isNull()) return "null";
        if (node.isString()) return "a string (\"" + node.stringValue() + "\")";
        if (node.isNumber()) return "a number (" + node + ")";
        if (node.isBoolean()) return "a boolean (" + node + ")";
        if (node.isArray()) return "an array";
        if (node.isObject()) return "an object";
        return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** A JSON value as plain, unmodifiable Java values (String, Integer/Long/BigInteger, Double, Boolean, List, Map, null). */
    static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return null;
        if (node.isString()) return node.stringValue();
        if (node.isBoolean()) return node.booleanValue();
        if (node.isInt()) return node.intValue();
        if (node.isLong()) return node.longValue();
        if (node.isIntegralNumber()) return node.bigIntegerValue();
        if (node.isNumber()) return node.doubleValue();
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.values().forEach(element -> list.add(plain(element)));
            return Collections.unmodifiableList(list);
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
            return Collections.unmodifiableMap(map);
        }
        return node.toString();
    }
}
