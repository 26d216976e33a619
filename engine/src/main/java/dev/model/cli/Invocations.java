package dev.model.cli;

import dev.model.log.Log;
import dev.model.task.InvocationOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Turns parsed command-line options into the task layer's {@link InvocationOptions}. */
final class Invocations {

    private Invocations() {
    }

    static InvocationOptions options(CliEnvironment environment, SharedOptions shared, SelectionOptions selection) {
        Path projectDir = shared.projectDir == null ? environment.workingDir()
                : environment.workingDir().resolve(shared.projectDir).normalize();
        Optional<Path> profilesDir = Optional.ofNullable(shared.profilesDir)
                .map(dir -> environment.workingDir().resolve(dir).normalize());
        return new InvocationOptions(projectDir, profilesDir, Optional.ofNullable(shared.target),
                Optional.ofNullable(shared.vars), Optional.ofNullable(shared.threads),
                selection == null ? List.of() : selection.select,
                selection == null ? List.of() : selection.exclude,
                shared.debug, environment.env(), environment.home());
    }

    static Log log(CliEnvironment environment, SharedOptions shared) {
        return new ConsoleLog(environment.out(), shared.logFormat, shared.debug);
    }
}
