package dev.model.docs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class TestLayeredLayout {

    @Test
    void layersAreLongestPathsFromTheRoots() {
        // 0 -> 1 -> 2 -> 3, and 0 -> 3 directly: 3 sits after 2, the direct edge gets two bend points.
        int[][] edges = {{0, 1}, {1, 2}, {2, 3}, {0, 3}};
        LayeredLayout.Result layout = LayeredLayout.layout(4, edges);
        assertArrayEquals(new int[] {0, 1, 2, 3}, java.util.Arrays.copyOf(layout.layer(), 4));
        assertEquals(4, layout.layerCount());
        assertEquals(2, layout.edgePaths()[3].length);
        assertEquals(1, layout.layer()[layout.edgePaths()[3][0]]);
        assertEquals(2, layout.layer()[layout.edgePaths()[3][1]]);
    }

    @Test
    void verticesOfALayerAreAtLeastOneRowApart() {
        int[][] edges = randomDag(400, 900, 7);
        LayeredLayout.Result layout = LayeredLayout.layout(400, edges);
        int total = layout.layer().length;
        for (int a = 0; a < total; a++) {
            for (int b = a + 1; b < total; b++) {
                if (layout.layer()[a] == layout.layer()[b]) {
                    assertTrue(Math.abs(layout.y()[a] - layout.y()[b]) >= 1 - 1e-9,
                            "vertices " + a + " and " + b + " overlap");
                }
            }
        }
        for (int[] edge : edges) {
            assertTrue(layout.layer()[edge[0]] < layout.layer()[edge[1]], "edges point right");
        }
    }

    @Test
    void barycenterOrderingUntanglesACrossedPair() {
        // Roots 0 and 1; 0 feeds 3 and 1 feeds 2, listed so that a naive order crosses.
        int[][] edges = {{0, 3}, {1, 2}, {0, 5}, {1, 4}};
        LayeredLayout.Result layout = LayeredLayout.layout(6, edges);
        assertEquals(0, layout.crossings(edges));
    }

    @Test
    void reducesCrossingsOnARandomGraph() {
        int[][] edges = randomDag(120, 220, 3);
        LayeredLayout.Result layout = LayeredLayout.layout(120, edges);
        // Rows by index only (the order before any sweep) against the computed layout.
        double[] naive = new double[layout.y().length];
        int[] seen = new int[layout.layerCount()];
        for (int v = 0; v < naive.length; v++) {
            naive[v] = seen[layout.layer()[v]]++;
        }
        LayeredLayout.Result unordered = new LayeredLayout.Result(120, layout.layer(), naive, layout.edgePaths(),
                layout.layerCount());
        assertTrue(layout.crossings(edges) < unordered.crossings(edges) / 2,
                layout.crossings(edges) + " crossings against " + unordered.crossings(edges) + " unordered");
    }

    @Test
    void orderedWithGapIsTheClosestOrderedPlacement() {
        assertArrayEquals(new double[] {0, 1, 2}, LayeredLayout.orderedWithGap(new double[] {1, 1, 1}), 1e-9);
        assertArrayEquals(new double[] {0, 5}, LayeredLayout.orderedWithGap(new double[] {0, 5}), 1e-9);
        assertArrayEquals(new double[] {1.5, 2.5}, LayeredLayout.orderedWithGap(new double[] {3, 1}), 1e-9);
    }

    @Test
    void aCycleIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> LayeredLayout.layout(2, new int[][] {{0, 1}, {1, 0}}));
    }

    @Test
    void tenThousandNodesInTiersLayOutWithBends() {
        int[][] edges = tieredDag(10_000, 8, 5);
        LayeredLayout.Result layout = LayeredLayout.layout(10_000, edges);
        assertEquals(8, layout.layerCount());
        assertTrue(layout.layer().length > 10_000, "long edges got bend points");
    }

    @Test
    void aVeryDeepGraphLaysOutWithDirectLongEdges() {
        int[][] edges = randomDag(10_000, 25_000, 11);
        LayeredLayout.Result layout = LayeredLayout.layout(10_000, edges);
        assertTrue(layout.layerCount() > 500, "deep: " + layout.layerCount());
        assertEquals(10_000, layout.layer().length, "over the bend budget, no bend points");
        for (int[] edge : edges) {
            assertTrue(layout.layer()[edge[0]] < layout.layer()[edge[1]]);
        }
    }

    /** dbt-shaped: tiers (sources, staging, intermediate, marts...), each node reading 1-3 nodes of the tiers before. */
    static int[][] tieredDag(int nodes, int tiers, long seed) {
        Random random = new Random(seed);
        int size = nodes / tiers;
        List<int[]> out = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int child = size; child < nodes; child++) {
            int tier = child / size;
            for (int k = 0, parents = 1 + random.nextInt(3); k < parents; k++) {
                int parent = Math.max(0, tier - 1 - random.nextInt(2)) * size + random.nextInt(size);
                if (seen.add((long) parent * nodes + child)) {
                    out.add(new int[] {parent, child});
                }
            }
        }
        return out.toArray(int[][]::new);
    }

    /** A DAG with edges from lower to higher index, mostly between near neighbours, as dbt projects are. */
    static int[][] randomDag(int nodes, int edges, long seed) {
        Random random = new Random(seed);
        List<int[]> out = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        while (out.size() < edges) {
            int child = 1 + random.nextInt(nodes - 1);
            int parent = Math.max(0, child - 1 - random.nextInt(Math.min(child, 40)));
            if (seen.add((long) parent * nodes + child)) {
                out.add(new int[] {parent, child});
            }
        }
        return out.toArray(int[][]::new);
    }
}
