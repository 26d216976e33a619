package dev.model.task;

import dev.model.artifacts.ArtifactMetadata;
import dev.model.artifacts.ManifestWriter;
import dev.model.compile.CompiledFiles;
import dev.model.compile.CompiledProject;
import dev.model.compile.Compiler;
import dev.model.compile.NodeRelations;
import dev.model.parse.Node;
import dev.model.parse.ResourceType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** {@code model compile}: compiles the selected nodes, writes their SQL and the manifest. */
public final class CompileTask {

    public record Result(CompiledProject compiled, Path manifest) {
    }

    private CompileTask() {
    }

    public static Compiler compiler(LoadedProject project) {
        NodeRelations naming = new NodeRelations(project.jinja(), project.config().name(), project.target(),
                Quotings.forType(project.target().type()));
        return new Compiler(project.parsed(), project.graph(), project.jinja(), naming, Optional.empty(), node -> false);
    }

    public static Result run(LoadedProject project, Collection<String> selected) {
        Compiler compiler = compiler(project);
        List<String> withCode = selected.stream()
                .filter(id -> hasCode(project.graph().node(id)))
                .toList();
        CompiledProject compiled = compiler.compile(withCode);
        CompiledFiles.write(project.config().root(), compiled.nodes().values());
        Path manifest = writeManifest(project, compiled);
        return new Result(compiled, manifest);
    }

    public static Path writeManifest(LoadedProject project, CompiledProject compiled) {
        ArtifactMetadata metadata = new ArtifactMetadata(ManifestWriter.SCHEMA, ArtifactMetadata.DBT_VERSION,
                Instant.now(), project.invocationId());
        return new ManifestWriter().write(project.config().targetDir(), new ManifestWriter.Inputs(project.parsed(),
                project.graph(), compiled.relations(), compiled.nodes(), metadata, project.target().type()));
    }

    private static boolean hasCode(Node node) {
        ResourceType type = node.resourceType();
        return type == ResourceType.MODEL || type == ResourceType.SNAPSHOT || type == ResourceType.TEST;
    }
}
