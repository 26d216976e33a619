package dev.model.artifacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.model.error.ModelException;
import dev.model.run.NodeResult;
import dev.model.run.RunResults;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Writes {@code target/run_results.json} in dbt's v6 shape, field for field and in dbt's order,
 * so that tools reading dbt's artifacts (dbt-artifacts, Elementary, CI scripts) read ours.
 */
public final class RunResultsWriter {

    public static final String FILE_NAME = "run_results.json";
    public static final String SCHEMA_VERSION = "https://schemas.getdbt.com/dbt/run-results/v6.json";

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final String dbtVersion;
    private final Map<String, String> env;

    /**
     * @param dbtVersion the dbt version this engine is compatible with, written as {@code dbt_version}
     * @param env        the {@code DBT_ENV_CUSTOM_ENV_*} values, as dbt writes them in {@code metadata.env}
     */
    public RunResultsWriter(String dbtVersion, Map<String, String> env) {
        this.dbtVersion = Objects.requireNonNull(dbtVersion, "dbtVersion");
        this.env = Map.copyOf(env);
    }

    /** Writes {@code run_results.json} into the target directory and returns its path. */
    public Path write(RunResults results, Path targetDir) {
        return ArtifactFiles.writeAtomically(targetDir.resolve(FILE_NAME), toJson(results));
    }

    public String toJson(RunResults results) {
        ObjectNode root = json.createObjectNode();
        ObjectNode metadata = root.putObject("metadata");
        metadata.put("dbt_schema_version", SCHEMA_VERSION);
        metadata.put("dbt_version", dbtVersion);
        metadata.put("generated_at", ArtifactTime.format(results.generatedAt()));
        metadata.put("invocation_id", results.invocationId());
        metadata.put("invocation_started_at", ArtifactTime.format(results.startedAt()));
        ObjectNode envNode = metadata.putObject("env");
        env.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> envNode.put(entry.getKey(), entry.getValue()));
        ArrayNode list = root.putArray("results");
        for (NodeResult result : results.results()) {
            list.add(resultNode(result));
        }
        root.put("elapsed_time", results.elapsedTime());
        root.set("args", json.valueToTree(results.args()));
        try {
            return json.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException impossible) {
            throw ModelException.internal("could not serialize run results", impossible);
        }
    }

    private ObjectNode resultNode(NodeResult result) {
        ObjectNode node = json.createObjectNode();
        node.put("status", result.status().dbtName());
        ArtifactTime.putTiming(node, result.timing());
        node.put("thread_id", result.threadId());
        node.put("execution_time", result.executionTime());
        node.set("adapter_response", json.valueToTree(result.adapterResponse()));
        node.put("message", result.message());
        node.put("failures", result.failures());
        node.put("unique_id", result.uniqueId());
        node.put("compiled", result.compiled());
        node.put("compiled_code", result.compiledCode());
        node.put("relation_name", result.relationName());
        node.putNull("batch_results");
        return node;
    }
}
