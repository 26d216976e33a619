package dev.model.project;

import dev.model.error.ModelException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --vars '{key: value}'}: a YAML (or JSON, which is YAML) mapping, as dbt accepts. */
public final class CliVars {

    private CliVars() {
    }

    public static Map<String, Object> parse(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (MarkedYAMLException e) {
            String problem = e.getProblem() != null ? e.getProblem() : "invalid YAML";
            int column = e.getProblemMark() == null ? 0 : e.getProblemMark().getColumn() + 1;
            throw ModelException.usage("--vars is not valid YAML or JSON: " + problem
                    + (column > 0 ? " at column " + column : ""));
        } catch (YAMLException e) {
            throw ModelException.usage("--vars is not valid YAML or JSON: " + e.getMessage());
        }
        if (parsed == null) {
            return Map.of();
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw ModelException.usage("--vars must be a mapping such as '{key: value}', got: " + text.strip());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
