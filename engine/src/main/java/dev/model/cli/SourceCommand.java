package dev.model.cli;

import dev.model.log.Log;
import dev.model.parse.SourceNode;
import dev.model.run.freshness.FreshnessResult;
import dev.model.task.FreshnessTask;
import dev.model.task.InvocationOptions;
import dev.model.task.LoadedProject;
import dev.model.task.ProjectSession;
import dev.model.task.Selection;
import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code model source}: holds {@code freshness}. */
@Command(name = "source", mixinStandardHelpOptions = true, description = "Commands on the project's sources.",
        subcommands = SourceCommand.Freshness.class)
final class SourceCommand implements Runnable {

    @ParentCommand
    ModelCommand root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(root.environment().out());
    }

    /**
     * {@code model source freshness}: checks how old the newest row of each selected source is
     * against its {@code warn_after}/{@code error_after}; writes target/sources.json; exit 1 when a
     * source is stale past {@code error_after} or could not be checked ({@code --warn-error}: past
     * {@code warn_after} too).
     */
    @Command(name = "freshness", mixinStandardHelpOptions = true, description = "Check how fresh the selected sources are; writes target/sources.json.")
    static final class Freshness implements Callable<Integer> {

        private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
        private static final int WIDTH = 80;

        @ParentCommand
        SourceCommand parent;

        @Mixin
        SharedOptions shared;

        @Mixin
        SelectionOptions selection;

        @Option(names = "--warn-error", description = "Fail when a source is past warn_after.")
        boolean warnError;

        @Override
        public Integer call() {
            CliEnvironment environment = parent.root.environment();
            Log log = Invocations.log(environment, shared);
            InvocationOptions options = Invocations.options(environment, shared, selection);
            LoadedProject project = ProjectSession.open(options, log);
            Set<String> selected = Selection.select(project, options, selection.indirectSelection, log);
            PrintStream out = environment.out();
            int total = FreshnessTask.checkable(project, selected).size();
            int[] index = {0};
            FreshnessTask.Result result = FreshnessTask.execute(project, selected, log,
                    source -> line(out, ++index[0] + " of " + total + " START freshness of " + name(source), "[RUN]"),
                    finished -> report(out, project, finished, index[0], total));
            List<FreshnessResult> results = result.results();
            long errors = results.stream().filter(r -> r.fails(false)).count();
            long warnings = results.stream().filter(r -> r.status().equals("warn")).count();
            out.println(stamp() + "  Done. PASS=" + (results.size() - errors - warnings) + " WARN=" + warnings
                    + " ERROR=" + errors + " TOTAL=" + results.size());
            return results.stream().anyMatch(r -> r.fails(warnError)) ? ExitCodes.FAILED : ExitCodes.SUCCESS;
        }

        private static void report(PrintStream out, LoadedProject project, FreshnessResult result, int index, int total) {
            SourceNode source = (SourceNode) project.graph().node(result.uniqueId());
            String time = String.format(Locale.ROOT, "%.2fs", result.executionTime());
            String status = switch (result.status()) {
                case "pass" -> "PASS";
                case "warn" -> "WARN";
                case "error" -> "ERROR STALE";
                default -> "ERROR";
            };
            line(out, index + " of " + total + " " + status + " freshness of " + name(source), "[" + status + " in " + time + "]");
            if (result.isRuntimeError()) {
                result.error().lines().forEach(text -> out.println(stamp() + "  " + text));
            }
        }

        private static String name(SourceNode source) {
            return source.sourceName() + "." + source.name();
        }

        private static void line(PrintStream out, String text, String status) {
            int dots = Math.max(3, WIDTH - text.length() - 2);
            out.println(stamp() + "  " + text + " " + ".".repeat(dots) + " " + status);
        }

        private static String stamp() {
            return LocalTime.now().format(CLOCK);
        }
    }
}
