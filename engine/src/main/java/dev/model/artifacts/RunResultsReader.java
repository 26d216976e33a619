package dev.model.artifacts;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.error.SourceLocation;
import dev.model.run.NodeStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Loads a previous {@code run_results.json} (ours or dbt's, v4 to v6) for {@code model retry}. */
public final class RunResultsReader {

    private final ObjectMapper json = new ObjectMapper();

    /** Reads {@code run_results.json} from the target directory. */
    public PreviousRun readFromTarget(Path targetDir) {
        return read(targetDir.resolve(RunResultsWriter.FILE_NAME));
    }

    public PreviousRun read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            throw new ModelException(ErrorCategory.USAGE, "Could not find a previous run: " + file
                    + " does not exist; run a command such as 'model run' or 'model build' first");
        } catch (IOException failure) {
            throw new ModelException(ErrorCategory.PROJECT, "Could not read " + file + ": " + failure.getMessage(),
                    SourceLocation.of(file), failure);
        }
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException bad) {
            JsonLocation where = bad.getLocation();
            int line = where == null ? 0 : Math.max(where.getLineNr(), 0);
            int column = where == null ? 0 : Math.max(where.getColumnNr(), 0);
            throw new ModelException(ErrorCategory.PROJECT, "run_results.json is not valid JSON: "
                    + bad.getOriginalMessage(), new SourceLocation(file, line, column), bad);
        }
        return interpret(root, file);
    }

    private PreviousRun interpret(JsonNode root, Path file) {
        JsonNode results = root == null ? null : root.get("results");
        if (results == null || !results.isArray()) {
            throw ModelException.project("run_results.json has no 'results' list", SourceLocation.of(file));
        }
        Map<String, NodeStatus> statuses = new LinkedHashMap<>();
        Map<String, Double> times = new LinkedHashMap<>();
        for (JsonNode result : results) {
            String id = result.path("unique_id").asText("");
            String status = result.path("status").asText("");
            if (id.isEmpty()) {
                throw ModelException.project("run_results.json has a result without a 'unique_id'",
                        SourceLocation.of(file));
            }
            try {
                statuses.put(id, NodeStatus.fromDbtName(status));
            } catch (IllegalArgumentException unknown) {
                throw ModelException.project("run_results.json gives '" + id + "' the unknown status '" + status
                        + "'", SourceLocation.of(file));
            }
            double seconds = result.path("execution_time").asDouble(0);
            if (seconds > 0) {
                times.put(id, seconds);
            }
        }
        Map<String, Object> args = root.has("args") && root.get("args").isObject()
                ? json.convertValue(root.get("args"), new TypeReference<LinkedHashMap<String, Object>>() { })
                : Map.of();
        String invocationId = root.path("metadata").path("invocation_id").asText("");
        return new PreviousRun(invocationId, statuses, times, args);
    }
}
