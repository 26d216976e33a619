package dev.model.docs;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The column names in a seed's CSV header, for column lineage before the seed is loaded. */
final class SeedHeader {

    private SeedHeader() {
    }

    /** The header's names, or an empty list when the file cannot be read (the page then knows less). */
    static List<String> read(Path csv) {
        if (csv == null || !Files.isRegularFile(csv)) {
            return List.of();
        }
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            return line == null ? List.of() : split(line.startsWith("\\uFEFF") ? line.substring(1) : line);
        } catch (IOException unreadable) {
            return List.of();
        }
    }

    static List<String> split(String header) {
        List<String> names = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < header.length() && header.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                names.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        names.add(current.toString().strip());
        names.removeIf(String::isEmpty);
        return List.copyOf(names);
    }
}
