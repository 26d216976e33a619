package dev.model.parse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * dbt's names for generic tests: {@code not_null_orders_order_id}, shortened with an md5 when 64
 * characters or longer, and the 10-character hash that ends the unique id. Reproduced from
 * dbt-core's {@code synthesize_generic_test_names} and {@code create_test_node} so that unique ids
 * in our artifacts equal dbt's.
 */
public final class GenericTestNames {

    private static final Pattern UNSAFE = Pattern.compile("[^0-9a-zA-Z_]+");
    private static final int MAX_NAME = 64;
    private static final int HASH_LENGTH = 10;

    /** The full name (unique id and fqn) and the short one (alias, file name). */
    public record Names(String fullName, String shortName) {
    }

    private GenericTestNames() {
    }

    /**
     * @param testType   the test's name, prefixed with {@code source_} for source tests and
     *                   {@code <namespace>_} for namespaced ones
     * @param targetName the model's name, or {@code <source>_<table>}
     * @param args       the test's arguments, including {@code column_name}; {@code model} is skipped
     */
    public static Names synthesize(String testType, String targetName, Map<String, Object> args) {
        List<String> flat = new ArrayList<>();
        for (String argName : new TreeMap<>(args).keySet()) {
            if (argName.equals("model")) {
                continue;
            }
            Object value = args.get(argName);
            Collection<?> parts;
            if (value instanceof Map<?, ?> map) {
                parts = map.values();
            } else if (value instanceof List<?> list) {
                parts = list;
            } else {
                parts = java.util.Collections.singletonList(value);
            }
            for (Object part : parts) {
                flat.add(UNSAFE.matcher(PythonRepr.str(part)).replaceAll("_"));
            }
        }
        String identifier = testType + "_" + targetName;
        String fullName = identifier + "_" + String.join("__", flat);
        if (fullName.length() >= MAX_NAME) {
            String truncated = identifier.length() > 30 ? identifier.substring(0, 30) : identifier;
            return new Names(fullName, truncated + "_" + md5(fullName));
        }
        return new Names(fullName, fullName);
    }

    /** The last 10 hex digits of md5(name + repr(sorted metadata with every leaf as str)). */
    public static String uniqueIdHash(String fullName, String testName, String namespace, Map<String, Object> kwargs) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("namespace", namespace);
        metadata.put("name", testName);
        metadata.put("kwargs", kwargs);
        String hashable = PythonRepr.repr(hashable(metadata));
        String digest = md5(fullName + hashable);
        return digest.substring(digest.length() - HASH_LENGTH);
    }

    private static Object hashable(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), hashable(v)));
            return new LinkedHashMap<>(sorted);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(hashable(v)));
            return out;
        }
        return PythonRepr.str(value);
    }

    static String md5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(32);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every Java runtime", e);
        }
    }
}
