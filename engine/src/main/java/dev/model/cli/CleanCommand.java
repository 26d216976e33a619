package dev.model.cli;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.log.Log;
import dev.model.project.ProjectConfig;
import dev.model.project.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code model clean}: deletes the project's clean-targets, never anything outside the project. */
@Command(name = "clean", mixinStandardHelpOptions = true, description = "Delete the folders listed in clean-targets (default: target).")
final class CleanCommand implements Callable<Integer> {

    @ParentCommand
    ModelCommand root;

    @Mixin
    SharedOptions shared;

    @Override
    public Integer call() {
        Log log = Invocations.log(root.environment(), shared);
        Path projectDir = Invocations.options(root.environment(), shared, null).projectDir();
        ProjectConfig config = ProjectLoader.load(projectDir, log, root.environment().env(), Map.of());
        for (String target : config.paths().cleanTargets()) {
            Path dir = config.root().resolve(target).normalize();
            if (!dir.startsWith(config.root()) || dir.equals(config.root())) {
                throw ModelException.project("clean-targets entry '" + target
                        + "' is outside the project or is the project itself; refusing to delete it",
                        dev.model.error.SourceLocation.of(config.file()));
            }
            delete(dir);
            log.info("Cleaned " + config.root().relativize(dir));
        }
        log.info("Finished cleaning all paths.");
        return 0;
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new ModelException(ErrorCategory.PROJECT, "Could not delete " + dir + ": " + e.getMessage(), null, e);
        }
    }
}
