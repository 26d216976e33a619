package dev.model.jinja;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Python's {@code dict} and {@code list} methods for template values. */
final class CollectionMethods {

    private CollectionMethods() {
    }

    static Object dict(Map<Object, Object> map, String method, JavaFunction.Arguments a) {
        return switch (method) {
            case "items" -> {
                List<Object> items = new ArrayList<>();
                map.forEach((k, v) -> items.add(new ArrayList<>(java.util.Arrays.asList(k, v))));
                yield items;
            }
            case "keys" -> new ArrayList<>(map.keySet());
            case "values" -> new ArrayList<>(map.values());
            case "get" -> map.getOrDefault(a.require(0, "key"), a.get(1, "default", null));
            case "pop" -> {
                Object key = a.require(0, "key");
                if (!map.containsKey(key) && !a.has(1, "default")) {
                    throw new IllegalArgumentException("key " + PyValues.repr(key) + " not found");
                }
                yield map.containsKey(key) ? map.remove(key) : a.get(1, "default", null);
            }
            case "update" -> {
                for (Object other : a.positional()) {
                    if (other instanceof Map<?, ?> entries) {
                        entries.forEach(map::put);
                    }
                }
                map.putAll(a.keywords());
                yield "";
            }
            case "setdefault" -> map.computeIfAbsent(a.require(0, "key"), k -> a.get(1, "default", null));
            case "copy" -> new LinkedHashMap<>(map);
            case "clear" -> {
                map.clear();
                yield "";
            }
            default -> PyObject.MISSING;
        };
    }

    static Object list(List<Object> list, String method, JavaFunction.Arguments a) {
        return switch (method) {
            case "append" -> {
                list.add(a.require(0, "item"));
                yield "";
            }
            case "extend" -> {
                list.addAll(PyValues.listOf(a.require(0, "items")));
                yield "";
            }
            case "insert" -> {
                list.add(((Number) a.require(0, "index")).intValue(), a.require(1, "item"));
                yield "";
            }
            case "pop" -> {
                int index = a.has(0, "index") ? ((Number) a.require(0, "index")).intValue() : -1;
                yield list.remove(index < 0 ? list.size() + index : index);
            }
            case "remove" -> {
                list.remove(a.require(0, "item"));
                yield "";
            }
            case "index" -> {
                int at = list.indexOf(a.require(0, "item"));
                if (at < 0) {
                    throw new IllegalArgumentException(PyValues.repr(a.get(0, "item", null)) + " is not in list");
                }
                yield at;
            }
            case "count" -> list.stream().filter(x -> java.util.Objects.equals(x, a.get(0, "item", null))).count();
            case "copy" -> new ArrayList<>(list);
            case "reverse" -> {
                java.util.Collections.reverse(list);
                yield "";
            }
            default -> PyObject.MISSING;
        };
    }
}
