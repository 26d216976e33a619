/**
 * Data tests and unit tests at run time. {@link dev.model.run.test.TestExecutor} runs a generic or
 * singular data test as dbt's test materialization (failure count, warn/error thresholds,
 * severity, stored failures); {@link dev.model.run.test.UnitTestExecutor} runs a dbt 1.8 unit
 * test on mocked inputs and compares the model's rows with the expected ones.
 */
package dev.model.run.test;
