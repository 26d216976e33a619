package dev.model.docs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A Sugiyama-style layered drawing of a DAG, left to right: layers by longest path from the
 * roots, long edges split by dummy points so they run between nodes, crossings reduced by
 * barycenter sweeps, and vertical coordinates placed by least-squares balancing that keeps the
 * order and a minimum gap (isotonic regression, so edges straighten without overlaps).
 *
 * <p>Written here rather than taken from a library: no layout library is approved, and a
 * well-kept one such as Eclipse ELK brings megabytes of EMF for what is a few hundred lines.
 * The result is a plain record the page draws; the page re-runs only the balancing step when it
 * draws a subset, keeping this order, so filtered views stay compact.
 */
public final class LayeredLayout {

    /** Sweeps of barycenter ordering; more stop paying off quickly on dbt-shaped graphs. */
    private static final int ORDER_SWEEPS = 8;
    private static final int BALANCE_SWEEPS = 6;
    /**
     * Bend points cost time and memory in proportion to edge length; a very deep graph with long
     * edges (thousands of layers) would need millions. Past this budget long edges are laid out
     * as direct links: the order is a little worse, the layout still takes well under a second.
     */
    private static final long BEND_BUDGET_MIN = 100_000;

    /**
     * Where everything goes. Vertex {@code i} is at {@code layer[i]} and row {@code y[i]} (in
     * units of one row; rows are at least 1 apart in a layer). Vertices at index
     * {@code >= nodeCount} are dummy points of long edges; {@code edgePaths} lists, per input
     * edge, the dummy vertices it passes through from parent to child.
     */
    public record Result(int nodeCount, int[] layer, double[] y, int[][] edgePaths, int layerCount) {

        public int crossings(int[][] edges) {
            return LayeredLayout.countCrossings(this, edges);
        }
    }

    private LayeredLayout() {
    }

    /**
     * Lays out {@code nodeCount} vertices with directed {@code edges} ({@code {parent, child}}),
     * which must be acyclic. Order is deterministic for the same input.
     */
    public static Result layout(int nodeCount, int[][] edges) {
        int[] layer = longestPathLayers(nodeCount, edges);
        int layerCount = 0;
        for (int l : layer) {
            layerCount = Math.max(layerCount, l + 1);
        }
        long bends = 0;
        for (int[] edge : edges) {
            bends += Math.max(layer[edge[1]] - layer[edge[0]] - 1, 0);
        }
        boolean withBends = bends <= Math.max(BEND_BUDGET_MIN, 4L * nodeCount);
        // Split edges into unit segments through dummy vertices.
        List<Integer> dummyLayers = new ArrayList<>();
        int[][] edgePaths = new int[edges.length][];
        List<int[]> segments = new ArrayList<>();
        for (int e = 0; e < edges.length; e++) {
            int from = edges[e][0];
            int to = edges[e][1];
            int span = layer[to] - layer[from];
            int[] path = new int[withBends ? Math.max(span - 1, 0) : 0];
            int previous = from;
            for (int k = 0; k < path.length; k++) {
                int dummy = nodeCount + dummyLayers.size();
                dummyLayers.add(layer[from] + k + 1);
                path[k] = dummy;
                segments.add(new int[] {previous, dummy});
                previous = dummy;
            }
            segments.add(new int[] {previous, to});
            edgePaths[e] = path;
        }
        int total = nodeCount + dummyLayers.size();
        int[] allLayers = Arrays.copyOf(layer, total);
        for (int d = 0; d < dummyLayers.size(); d++) {
            allLayers[nodeCount + d] = dummyLayers.get(d);
        }
        int[][] up = adjacency(total, segments, true);
        int[][] down = adjacency(total, segments, false);
        int[][] layers = byLayer(allLayers, layerCount, total);
        orderLayers(layers, up, down, total, allLayers);
        double[] y = balance(layers, up, down, total);
        return new Result(nodeCount, allLayers, y, edgePaths, layerCount);
    }

    /** Layer of each vertex: 0 for roots, else one more than its deepest parent. */
    static int[] longestPathLayers(int nodeCount, int[][] edges) {
        int[] inDegree = new int[nodeCount];
        int[][] children = adjacency(nodeCount, Arrays.asList(edges), false);
        for (int[] edge : edges) {
            inDegree[edge[1]]++;
        }
        int[] layer = new int[nodeCount];
        int[] queue = new int[nodeCount];
        int head = 0;
        int tail = 0;
        for (int v = 0; v < nodeCount; v++) {
            if (inDegree[v] == 0) {
                queue[tail++] = v;
            }
        }
        while (head < tail) {
            int v = queue[head++];
            for (int child : children[v]) {
                layer[child] = Math.max(layer[child], layer[v] + 1);
                if (--inDegree[child] == 0) {
                    queue[tail++] = child;
                }
            }
        }
        if (tail != nodeCount) {
            throw new IllegalArgumentException("the graph has a cycle");
        }
        return layer;
    }

    private static int[][] adjacency(int count, List<int[]> edges, boolean parents) {
        int[] degree = new int[count];
        for (int[] edge : edges) {
            degree[parents ? edge[1] : edge[0]]++;
        }
        int[][] out = new int[count][];
        for (int v = 0; v < count; v++) {
            out[v] = new int[degree[v]];
        }
        int[] fill = new int[count];
        for (int[] edge : edges) {
            int owner = parents ? edge[1] : edge[0];
            out[owner][fill[owner]++] = parents ? edge[0] : edge[1];
        }
        return out;
    }

    private static int[][] byLayer(int[] layerOf, int layerCount, int total) {
        int[] sizes = new int[layerCount];
        for (int v = 0; v < total; v++) {
            sizes[layerOf[v]]++;
        }
        int[][] layers = new int[layerCount][];
        for (int l = 0; l < layerCount; l++) {
            layers[l] = new int[sizes[l]];
        }
        int[] fill = new int[layerCount];
        for (int v = 0; v < total; v++) {
            layers[layerOf[v]][fill[layerOf[v]]++] = v;
        }
        return layers;
    }

    /**
     * Barycenter heuristic: alternately sort each layer by the mean position of its neighbours in
     * the layer before (downward sweep) and after (upward sweep); keep the best order seen.
     */
    private static void orderLayers(int[][] layers, int[][] up, int[][] down, int total, int[] layerOf) {
        double[] position = new double[total];
        // Start from a depth-first order so that siblings begin next to each other.
        initialOrder(layers, down, total, position);
        int[][] best = copy(layers);
        long bestCrossings = crossings(layers, down, position, layerOf);
        for (int sweep = 0; sweep < ORDER_SWEEPS && bestCrossings > 0; sweep++) {
            boolean downward = sweep % 2 == 0;
            if (downward) {
                for (int l = 1; l < layers.length; l++) {
                    sortByBarycenter(layers[l], up, position);
                }
            } else {
                for (int l = layers.length - 2; l >= 0; l--) {
                    sortByBarycenter(layers[l], down, position);
                }
            }
            long found = crossings(layers, down, position, layerOf);
            if (found < bestCrossings) {
                bestCrossings = found;
                best = copy(layers);
            }
        }
        for (int l = 0; l < layers.length; l++) {
            layers[l] = best[l];
            index(layers[l], position);
        }
    }

    private static void initialOrder(int[][] layers, int[][] down, int total, double[] position) {
        int[] visitOrder = new int[total];
        Arrays.fill(visitOrder, -1);
        int counter = 0;
        for (int v : layers.length == 0 ? new int[0] : layers[0]) {
            counter = depthFirst(v, down, visitOrder, counter);
        }
        for (int[] layer : layers) {
            for (int v : layer) {
                if (visitOrder[v] < 0) {
                    counter = depthFirst(v, down, visitOrder, counter);
                }
            }
        }
        for (int[] layer : layers) {
            Integer[] boxed = Arrays.stream(layer).boxed().toArray(Integer[]::new);
            Arrays.sort(boxed, Comparator.comparingInt(v -> visitOrder[v]));
            for (int i = 0; i < layer.length; i++) {
                layer[i] = boxed[i];
            }
            index(layer, position);
        }
    }

    private static int depthFirst(int start, int[][] down, int[] visitOrder, int counter) {
        int[] stack = new int[16];
        int size = 0;
        stack[size++] = start;
        while (size > 0) {
            int v = stack[--size];
            if (visitOrder[v] >= 0) {
                continue;
            }
            visitOrder[v] = counter++;
            for (int i = down[v].length - 1; i >= 0; i--) {
                if (visitOrder[down[v][i]] < 0) {
                    if (size == stack.length) {
                        stack = Arrays.copyOf(stack, size * 2);
                    }
                    stack[size++] = down[v][i];
                }
            }
        }
        return counter;
    }

    private static void sortByBarycenter(int[] layer, int[][] neighbours, double[] position) {
        double[] key = new double[layer.length];
        Integer[] order = new Integer[layer.length];
        for (int i = 0; i < layer.length; i++) {
            int[] around = neighbours[layer[i]];
            double sum = 0;
            for (int n : around) {
                sum += position[n];
            }
            // A vertex without neighbours on that side keeps its place.
            key[i] = around.length == 0 ? i : sum / around.length;
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> key[a] != key[b] ? Double.compare(key[a], key[b]) : Integer.compare(a, b));
        int[] sorted = new int[layer.length];
        for (int i = 0; i < layer.length; i++) {
            sorted[i] = layer[order[i]];
        }
        System.arraycopy(sorted, 0, layer, 0, layer.length);
        index(layer, position);
    }

    private static void index(int[] layer, double[] position) {
        for (int i = 0; i < layer.length; i++) {
            position[layer[i]] = i;
        }
    }

    private static int[][] copy(int[][] layers) {
        int[][] out = new int[layers.length][];
        for (int l = 0; l < layers.length; l++) {
            out[l] = layers[l].clone();
        }
        return out;
    }

    /**
     * Crossings between each pair of adjacent layers, by counting inversions of the segment ends
     * (links longer than one layer, left without bends over budget, are not counted).
     */
    private static long crossings(int[][] layers, int[][] down, double[] position, int[] layerOf) {
        long total = 0;
        for (int l = 0; l + 1 < layers.length; l++) {
            List<int[]> pairs = new ArrayList<>();
            for (int v : layers[l]) {
                for (int child : down[v]) {
                    if (layerOf[child] == l + 1) {
                        pairs.add(new int[] {(int) position[v], (int) position[child]});
                    }
                }
            }
            pairs.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
            int[] ends = new int[pairs.size()];
            for (int i = 0; i < ends.length; i++) {
                ends[i] = pairs.get(i)[1];
            }
            total += inversions(ends, layers[l + 1].length);
        }
        return total;
    }

    /** Inversions of {@code values} (each in [0, range)) with a Fenwick tree. */
    private static long inversions(int[] values, int range) {
        long[] tree = new long[range + 1];
        long count = 0;
        for (int i = values.length - 1; i >= 0; i--) {
            for (int k = values[i]; k > 0; k -= k & -k) {
                count += tree[k];
            }
            for (int k = values[i] + 1; k <= range; k += k & -k) {
                tree[k]++;
            }
        }
        return count;
    }

    /**
     * Rows: each vertex wants to sit at the mean row of its neighbours; within a layer the order
     * is fixed and rows are at least one apart. The closest such rows in least squares come from
     * isotonic regression on {@code want - index} (pool adjacent violators).
     */
    private static double[] balance(int[][] layers, int[][] up, int[][] down, int total) {
        double[] y = new double[total];
        int widest = 0;
        for (int[] layer : layers) {
            widest = Math.max(widest, layer.length);
        }
        for (int[] layer : layers) {
            double offset = (widest - layer.length) / 2.0;
            for (int i = 0; i < layer.length; i++) {
                y[layer[i]] = offset + i;
            }
        }
        for (int sweep = 0; sweep < BALANCE_SWEEPS; sweep++) {
            boolean downward = sweep % 2 == 0;
            for (int k = 0; k < layers.length; k++) {
                int l = downward ? k : layers.length - 1 - k;
                placeLayer(layers[l], downward ? up : down, downward ? down : up, y);
            }
        }
        return y;
    }

    private static void placeLayer(int[] layer, int[][] primary, int[][] secondary, double[] y) {
        double[] want = new double[layer.length];
        for (int i = 0; i < layer.length; i++) {
            int v = layer[i];
            int[] around = primary[v].length > 0 ? primary[v] : secondary[v];
            if (around.length == 0) {
                want[i] = y[v];
                continue;
            }
            double sum = 0;
            for (int n : around) {
                sum += y[n];
            }
            want[i] = sum / around.length;
        }
        double[] placed = orderedWithGap(want);
        for (int i = 0; i < layer.length; i++) {
            y[layer[i]] = placed[i];
        }
    }

    /** The rows closest to {@code want} (least squares) with {@code row[i+1] >= row[i] + 1}. */
    static double[] orderedWithGap(double[] want) {
        int n = want.length;
        double[] level = new double[n];
        int[] size = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            level[blocks] = want[i] - i;
            size[blocks] = 1;
            blocks++;
            while (blocks > 1 && level[blocks - 2] > level[blocks - 1]) {
                int merged = size[blocks - 2] + size[blocks - 1];
                level[blocks - 2] = (level[blocks - 2] * size[blocks - 2] + level[blocks - 1] * size[blocks - 1]) / merged;
                size[blocks - 2] = merged;
                blocks--;
            }
        }
        double[] out = new double[n];
        int i = 0;
        for (int b = 0; b < blocks; b++) {
            for (int k = 0; k < size[b]; k++, i++) {
                out[i] = level[b] + i;
            }
        }
        return out;
    }

    static int countCrossings(Result result, int[][] edges) {
        // Rebuild unit segments and count pairwise crossings between adjacent layers by row order.
        List<double[]> segments = new ArrayList<>();
        for (int e = 0; e < edges.length; e++) {
            int previous = edges[e][0];
            for (int dummy : result.edgePaths()[e]) {
                segments.add(new double[] {result.layer()[previous], result.y()[previous], result.y()[dummy]});
                previous = dummy;
            }
            segments.add(new double[] {result.layer()[previous], result.y()[previous], result.y()[edges[e][1]]});
        }
        int count = 0;
        for (int a = 0; a < segments.size(); a++) {
            for (int b = a + 1; b < segments.size(); b++) {
                double[] s = segments.get(a);
                double[] t = segments.get(b);
                if (s[0] == t[0] && (s[1] - t[1]) * (s[2] - t[2]) < 0) {
                    count++;
                }
            }
        }
        return count;
    }
}
