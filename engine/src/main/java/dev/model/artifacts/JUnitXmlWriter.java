package dev.model.artifacts;

import dev.model.run.NodeResult;
import dev.model.run.NodeStatus;
import dev.model.run.RunResults;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code target/junit.xml} so that CI servers show each node of a run as a test case:
 * errors and failed tests as {@code <failure>} with the failing row count, the compiled SQL path
 * and the first failing rows; skipped nodes as {@code <skipped>}; warnings as system output.
 */
public final class JUnitXmlWriter {

    public static final String FILE_NAME = "junit.xml";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    /** Writes {@code junit.xml} into the target directory and returns its path. */
    public Path write(RunResults results, Path targetDir) {
        return ArtifactFiles.writeAtomically(targetDir.resolve(FILE_NAME), toXml(results));
    }

    public String toXml(RunResults results) {
        List<NodeResult> nodes = results.results();
        long failures = nodes.stream().filter(r -> r.status().isFailure()).count();
        long skipped = nodes.stream().filter(r -> r.status() == NodeStatus.SKIPPED).count();
        String counts = " tests=\"" + nodes.size() + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\""
                + skipped + "\" time=\"" + seconds(results.elapsedTime()) + "\"";
        StringBuilder xml = new StringBuilder(256 + nodes.size() * 160);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuites name=\"model\"").append(counts).append(">\n");
        xml.append("  <testsuite name=\"").append(XmlText.attribute(suiteName(results))).append('"').append(counts)
                .append(" timestamp=\"").append(TIMESTAMP.format(results.startedAt())).append("\">\n");
        for (NodeResult result : nodes) {
            appendCase(xml, result);
        }
        xml.append("  </testsuite>\n</testsuites>\n");
        return xml.toString();
    }

    private static void appendCase(StringBuilder xml, NodeResult result) {
        xml.append("    <testcase name=\"").append(XmlText.attribute(result.uniqueId()))
                .append("\" classname=\"").append(XmlText.attribute(result.resourceType()))
                .append("\" time=\"").append(seconds(result.executionTime())).append('"');
        NodeStatus status = result.status();
        if (status.isFailure()) {
            xml.append(">\n      <failure type=\"").append(status.dbtName())
                    .append("\" message=\"").append(XmlText.attribute(headline(result))).append("\">")
                    .append(XmlText.content(String.join("\n", failureBody(result))))
                    .append("</failure>\n    </testcase>\n");
        } else if (status == NodeStatus.SKIPPED) {
            xml.append(">\n      <skipped message=\"").append(XmlText.attribute(headline(result)))
                    .append("\"/>\n    </testcase>\n");
        } else if (status == NodeStatus.WARN) {
            xml.append(">\n      <system-out>").append(XmlText.content(String.join("\n", failureBody(result))))
                    .append("</system-out>\n    </testcase>\n");
        } else {
            xml.append("/>\n");
        }
    }

    private static String headline(NodeResult result) {
        if (result.message() != null && !result.message().isBlank()) {
            return result.message();
        }
        return "Status: " + result.status().dbtName();
    }

    private static List<String> failureBody(NodeResult result) {
        List<String> lines = new ArrayList<>();
        lines.add(headline(result));
        if (result.failures() != null) {
            lines.add("Failing rows: " + result.failures());
        }
        if (result.compiledPath() != null) {
            lines.add("Compiled SQL: " + result.compiledPath());
        }
        if (result.failureDetails() != null && !result.failureDetails().isBlank()) {
            lines.add("");
            lines.add(result.failureDetails());
        }
        return lines;
    }

    private static String suiteName(RunResults results) {
        Object which = results.args().get("which");
        return which == null ? "model" : "model " + which;
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
