package dev.model.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" for misspelt names: the few existing names within a small edit distance, so a
 * typo gets a hint and an unrelated name does not get a misleading one.
 */
final class Suggestions {

    static final int MAX_SUGGESTIONS = 3;

    private Suggestions() {
    }

    /** Up to three candidates close to {@code wanted}, closest first, ties by name. */
    static List<String> closest(String wanted, Collection<String> candidates) {
        record Scored(String name, int distance) {
        }
        int limit = allowedDistance(wanted);
        List<Scored> close = new ArrayList<>();
        for (String candidate : candidates) {
            int distance = distance(wanted, candidate, limit);
            if (distance <= limit && !candidate.equals(wanted)) {
                close.add(new Scored(candidate, distance));
            }
        }
        close.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return close.stream().limit(MAX_SUGGESTIONS).map(Scored::name).distinct().toList();
    }

    /** How many edits still count as a typo: one for short names, up to three for long ones. */
    static int allowedDistance(String wanted) {
        return Math.max(1, Math.min(3, wanted.length() / 3));
    }

    /** {@code " Did you mean 'a', 'b' or 'c'?"}, or empty when there is nothing to suggest. */
    static String didYouMean(List<String> suggestions) {
        if (suggestions.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" Did you mean ");
        for (int i = 0; i < suggestions.size(); i++) {
            if (i > 0) {
                out.append(i == suggestions.size() - 1 ? " or " : ", ");
            }
            out.append('\'').append(suggestions.get(i)).append('\'');
        }
        return out.append('?').toString();
    }

    /**
     * Case-insensitive optimal-string-alignment distance (a transposition counts as one edit),
     * giving up early with {@code limit + 1} once the names are clearly further apart.
     */
    static int distance(String left, String right, int limit) {
        String a = left.toLowerCase(Locale.ROOT);
        String b = right.toLowerCase(Locale.ROOT);
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] beforePrevious = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMinimum = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, beforePrevious[j - 2] + 1);
                }
                current[j] = value;
                rowMinimum = Math.min(rowMinimum, value);
            }
            if (rowMinimum > limit) {
                return limit + 1;
            }
            int[] recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.length()];
    }
}
