package dev.model.artifacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.model.error.ModelException;
import dev.model.run.freshness.FreshnessResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes {@code target/sources.json}, the result of {@code model source freshness}, in dbt's v3
 * shape: one entry per source table, a runtime error as {@code {unique_id, error, status}}.
 */
public final class SourcesJsonWriter {

    public static final String FILE_NAME = "sources.json";
    public static final String SCHEMA_VERSION = "https://schemas.getdbt.com/dbt/sources/v3.json";

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Path write(String invocationId, Instant generatedAt, List<FreshnessResult> results, double elapsed,
                      Path targetDir) {
        ObjectNode root = json.createObjectNode();
        ObjectNode metadata = root.putObject("metadata");
        metadata.put("dbt_schema_version", SCHEMA_VERSION);
        metadata.put("dbt_version", ArtifactMetadata.DBT_VERSION);
        metadata.put("generated_at", ArtifactTime.format(generatedAt));
        metadata.put("invocation_id", invocationId);
        metadata.putObject("env");
        ArrayNode list = root.putArray("results");
        for (FreshnessResult result : results) {
            list.add(resultNode(result));
        }
        root.put("elapsed_time", elapsed);
        try {
            return ArtifactFiles.writeAtomically(targetDir.resolve(FILE_NAME), json.writeValueAsString(root) + "\n");
        } catch (JsonProcessingException impossible) {
            throw ModelException.internal("could not serialize sources.json", impossible);
        }
    }

    private ObjectNode resultNode(FreshnessResult result) {
        ObjectNode node = json.createObjectNode();
        node.put("unique_id", result.uniqueId());
        if (result.isRuntimeError()) {
            node.put("error", result.error());
            node.put("status", result.status());
            return node;
        }
        node.put("max_loaded_at", result.maxLoadedAt() == null ? null : ArtifactTime.format(result.maxLoadedAt()));
        node.put("snapshotted_at", ArtifactTime.format(result.snapshottedAt()));
        if (Double.isInfinite(result.maxLoadedAtTimeAgoInS())) {
            node.putNull("max_loaded_at_time_ago_in_s");
        } else {
            node.put("max_loaded_at_time_ago_in_s", result.maxLoadedAtTimeAgoInS());
        }
        node.put("status", result.status());
        node.set("criteria", json.valueToTree(result.criteria().asDeclared()));
        node.set("adapter_response", json.valueToTree(result.adapterResponse()));
        ArtifactTime.putTiming(node, result.timing());
        node.put("thread_id", result.threadId());
        node.put("execution_time", result.executionTime());
        return node;
    }
}
