package dev.model.parse;

import dev.model.log.Log;
import dev.model.project.ProjectConfig;
import dev.model.project.ProjectLoader;
import dev.model.project.Target;
import dev.model.project.TestingFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A local check, not a test: generates a project of N models (default 10,000) in layers that ref
 * each other (with --with-jinja, one in 20 also needs the full renderer), with a property file per folder, and prints how long parsing takes.
 * Run: {@code java -cp <test classpath> dev.model.parse.ParseTiming [models] [--with-jinja]}, or
 * {@code ParseTiming --project DIR} for an existing project (e.g. one from bench/generate_project.py).
 */
public final class ParseTiming {

    private ParseTiming() {
    }

    private static final Log PHASES = new Log() {
        @Override public void info(String message) { }
        @Override public void warn(String message, dev.model.error.SourceLocation location) { }
        @Override public void debug(String message) {
            System.out.println("  " + message);
        }
    };

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[0].equals("--project")) {
            time(Path.of(args[1]));
            return;
        }
        int models = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        boolean someJinja = args.length > 1 && args[1].equals("--with-jinja");
        Path root = Files.createTempDirectory("parse-timing");
        TestingFiles.write(root, "dbt_project.yml", """
                name: big
                models:
                  big:
                    +materialized: view
                    layer_0:
                      +materialized: table
                """);
        int perFolder = 100;
        for (int i = 0; i < models; i++) {
            String folder = "layer_" + (i / 1000) + "/group_" + (i / perFolder);
            String sql = i < 100
                    ? "select * from {{ source('raw', 'events') }} where id % 100 = " + i
                    : "{{ config(tags=['t" + (i % 7) + "']) }}\nselect a.*, b.x\nfrom {{ ref('m" + (i - 100) + "') }} a\n"
                    + "join {{ ref('m" + (i - 37 - (i % 50)) + "') }} b using (id)\n";
            if (someJinja && i % 20 == 0 && i >= 100) {
                sql = "{% if target.name == 'dev' %}{{ config(materialized='table') }}{% endif %}\n" + sql;
            }
            TestingFiles.write(root, "models/" + folder + "/m" + i + ".sql", sql);
            if (i % perFolder == 0) {
                StringBuilder yml = new StringBuilder("version: 2\nmodels:\n");
                for (int j = i; j < Math.min(models, i + perFolder); j += 2) {
                    yml.append("  - name: m").append(j).append("\n    description: model ").append(j)
                            .append("\n    columns:\n      - name: id\n        tests: [not_null, unique]\n");
                }
                TestingFiles.write(root, "models/" + folder + "/schema.yml", yml.toString());
            }
        }
        TestingFiles.write(root, "models/sources.yml",
                "sources:\n  - name: raw\n    tables:\n      - name: events\n");
        time(root);
    }

    /** Parses the project at {@code root} a few times (system property {@code runs}, default 5). */
    private static void time(Path root) {
        Target target = new Target("big", "dev", "duckdb", "dev", "main", 1, Map.of("type", "duckdb"));
        int runs = Integer.getInteger("runs", 5);
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            ProjectConfig config = ProjectLoader.load(root, Log.silent(), Map.of(), Map.of());
            ParsedProject parsed;
            try {
                parsed = new ProjectParser(config, target, Map.of(), Map.of(), PHASES, "timing").parse();
            } catch (UnsupportedOperationException e) {
                System.out.println("Jinja renderer not available yet; only fast-path files can be parsed: " + e.getMessage());
                return;
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            long cpuMillis = (processCpuNanos() - cpuStart) / 1_000_000;
            System.out.printf("run %d: %d nodes parsed in %d ms wall, %d ms CPU (all threads, incl. GC/JIT) on %d cores%n",
                    run, parsed.nodes().size(), millis, cpuMillis, Runtime.getRuntime().availableProcessors());
        }
    }
}
