package dev.model.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestRetryPlan {

    @TempDir
    Path target;

    private RetryPlan plan(String args) throws Exception {
        Files.writeString(target.resolve("run_results.json"), """
                {"metadata": {"invocation_id": "abc"}, "args": %s, "results": [
                  {"unique_id": "model.shop.a", "status": "success"},
                  {"unique_id": "model.shop.b", "status": "error"},
                  {"unique_id": "test.shop.t", "status": "fail"},
                  {"unique_id": "model.shop.c", "status": "skipped"},
                  {"unique_id": "test.shop.w", "status": "warn"}
                ]}
                """.formatted(args));
        return RetryPlan.fromTarget(target, "target");
    }

    private static InvocationOptions given(Optional<String> targetName, Optional<String> vars, List<String> select) {
        return new InvocationOptions(Path.of("/project"), Optional.empty(), targetName, vars, Optional.empty(), select,
                List.of(), false, Map.of(), Path.of("/home"));
    }

    @Test
    void retriesErrorsFailuresAndSkipsInTheFilesOrder() throws Exception {
        RetryPlan plan = plan("{\"which\": \"run\"}");

        assertEquals("run", plan.command());
        assertEquals(List.of("model.shop.b", "test.shop.t", "model.shop.c"), List.copyOf(plan.ids()));
        assertEquals(Set.of("model.shop.b", "model.shop.c"), plan.presentIn(id -> id.startsWith("model.")));
    }

    @Test
    void thePreviousArgumentsApplyWhereRetryGivesNone() throws Exception {
        RetryPlan plan = plan("""
                {"which": "run", "target": "prod", "vars": {"day": "2024-01-01"}, "threads": 8,
                 "select": ["tag:nightly"], "full_refresh": true, "fail_fast": false}""");

        InvocationOptions fromPrevious = plan.options(given(Optional.empty(), Optional.empty(), List.of()));
        InvocationOptions overridden = plan.options(given(Optional.of("dev"), Optional.of("{day: x}"), List.of("a")));

        assertEquals(Optional.of("prod"), fromPrevious.target());
        assertEquals(Optional.of("{\"day\":\"2024-01-01\"}"), fromPrevious.vars());
        assertEquals(Optional.of(8), fromPrevious.threads());
        assertEquals(List.of("tag:nightly"), fromPrevious.select());
        assertTrue(plan.fullRefresh());
        assertEquals(false, plan.failFast());
        assertEquals(Optional.of("dev"), overridden.target());
        assertEquals(Optional.of("{day: x}"), overridden.vars());
        assertEquals(List.of("a"), overridden.select());
    }

    @Test
    void aMissingFileIsAUsageError() {
        ModelException error = assertThrows(ModelException.class, () -> RetryPlan.fromTarget(target, "target"));

        assertEquals(ErrorCategory.USAGE, error.category());
        assertEquals("no previous run to retry: target/run_results.json not found", error.getMessage());
    }

    @Test
    void aFileWithoutTheCommandIsAUsageError() throws Exception {
        ModelException error = assertThrows(ModelException.class, () -> plan("{}"));

        assertEquals("no previous run to retry: target/run_results.json does not say which command wrote it"
                + " (no args.which)", error.getMessage());
    }

    @Test
    void onlyCommandsRetryCanRunAreAccepted() throws Exception {
        ModelException error = assertThrows(ModelException.class,
                () -> plan("{\"which\": \"docs\"}").requireRetryable());

        assertEquals("model retry cannot re-run 'docs' yet; it re-runs: run, seed, snapshot, compile, test, build", error.getMessage());
        assertEquals("compile", plan("{\"which\": \"compile\"}").requireRetryable().command());
    }
}
