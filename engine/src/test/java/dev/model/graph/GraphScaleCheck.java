package dev.model.graph;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A manual check, not a test (no timing assertions belong in the suite): builds synthetic
 * projects of 10k and 100k nodes and prints how long building, ordering and selecting take.
 * Run: {@code java -cp <test-classes>:<classes>:<jgrapht> dev.model.graph.GraphScaleCheck}.
 */
final class GraphScaleCheck {

    private GraphScaleCheck() {
    }

    public static void main(String[] args) {
        for (int round = 0; round < 2; round++) {
            for (int size : new int[] {10_000, 100_000}) {
                measure(size);
            }
        }
    }

    private static void measure(int models) {
        Random random = new Random(42);
        TestingProjects project = TestingProjects.project("big");
        int sources = Math.max(10, models / 100);
        for (int i = 0; i < sources; i++) {
            project.source("raw", "table_" + i, "models/sources.yml");
        }
        for (int i = 0; i < models; i++) {
            String[] dependencies;
            if (i < sources) {
                dependencies = new String[] {"source:raw.table_" + i};
            } else {
                dependencies = new String[1 + random.nextInt(3)];
                for (int d = 0; d < dependencies.length; d++) {
                    dependencies[d] = "model_" + (i - 1 - random.nextInt(Math.min(i, 500)));
                }
            }
            project.model("models/layer_" + (i / 1000) + "/model_" + i + ".sql",
                    Map.of("tags", List.of("t" + (i % 10))), dependencies);
            if (i % 3 == 0) {
                project.genericTest("not_null", "not_null_model_" + i + "_id", "models/schema.yml", "model_" + i);
            }
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        ProjectGraph graph = project.graph();
        long built = System.nanoTime();
        long cpuBuilt = threads.getCurrentThreadCpuTime();
        Selector selector = new Selector(graph);
        int selected = selector.select(List.of("+model_" + (models / 2) + "+", "tag:t3,path:models/layer_1"),
                List.of("model_7+"), IndirectSelection.EAGER).size();
        long selectedAt = System.nanoTime();
        long cpuSelected = threads.getCurrentThreadCpuTime();
        System.out.printf("%,d nodes, %,d edges: build %d ms wall / %d ms cpu (resolve, cycle check, topological"
                        + " order, maps); selection of %,d nodes %d ms wall / %d ms cpu; longest chain %d%n",
                graph.size(), graph.asGraph().edgeSet().size(), (built - start) / 1_000_000,
                (cpuBuilt - cpuStart) / 1_000_000, selected, (selectedAt - built) / 1_000_000,
                (cpuSelected - cpuBuilt) / 1_000_000,
                graph.topologicalOrder().stream().mapToInt(graph::longestPathBelow).max().orElse(0));
    }
}
