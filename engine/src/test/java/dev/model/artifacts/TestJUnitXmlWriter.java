package dev.model.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.run.NodeResult;
import dev.model.run.NodeStatus;
import dev.model.run.TestingResults;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

final class TestJUnitXmlWriter {

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element testcase(Document doc, int index) {
        return (Element) doc.getElementsByTagName("testcase").item(index);
    }

    @Test
    void writesOneSuiteWithACasePerNode(@TempDir Path target) throws Exception {
        Path file = new JUnitXmlWriter().write(TestingResults.mixedRun(), target);
        Document doc = parse(Files.readString(file));

        NodeList suites = doc.getElementsByTagName("testsuite");
        assertEquals(1, suites.getLength());
        Element suite = (Element) suites.item(0);
        assertEquals("model build", suite.getAttribute("name"));
        assertEquals("6", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"));
        assertEquals("1.230", suite.getAttribute("time"));
        assertEquals("2026-03-01T09:15:00", suite.getAttribute("timestamp"));

        Element model = testcase(doc, 0);
        assertEquals("model.shop.stg_orders", model.getAttribute("name"));
        assertEquals("model", model.getAttribute("classname"));
        assertEquals("0.050", model.getAttribute("time"));
        assertEquals(0, model.getChildNodes().getLength());

        Element error = (Element) testcase(doc, 1).getElementsByTagName("failure").item(0);
        assertEquals("error", error.getAttribute("type"));
        assertEquals("Catalog Error: Table with name \"raw_orderz\" does not exist!", error.getAttribute("message"));

        Element skipped = (Element) testcase(doc, 2).getElementsByTagName("skipped").item(0);
        assertEquals("Skipping because of failed upstream 'model.shop.orders'", skipped.getAttribute("message"));

        Element failedTest = testcase(doc, 3);
        assertEquals("test", failedTest.getAttribute("classname"));
        Element failure = (Element) failedTest.getElementsByTagName("failure").item(0);
        assertEquals("fail", failure.getAttribute("type"));
        assertEquals(String.join("\n", List.of(
                "Got 3 results, configured to fail if != 0",
                "Failing rows: 3",
                "Compiled SQL: target/compiled/shop/models/staging/schema.yml/unique_stg_orders_order_id.sql",
                "",
                "order_id | n_records\n7 | 2")), failure.getTextContent());

        Element warning = (Element) testcase(doc, 4).getElementsByTagName("system-out").item(0);
        assertTrue(warning.getTextContent().startsWith("Got 1 result, configured to warn if != 0\nFailing rows: 1"));
        assertEquals(0, testcase(doc, 5).getChildNodes().getLength());
    }

    @Test
    void escapesMarkupQuotesAndControlCharacters() throws Exception {
        String nasty = "a \"quoted\" <tag> & 'apostrophe'\nsecond line\u0001\u001b[31m\ttab";
        NodeResult result = NodeResult.builder("model.shop.<weird>&\"name\"", NodeStatus.ERROR)
                .message(nasty).failureDetails("rows: <1> & \u0000 ]]> end").build();
        String xml = new JUnitXmlWriter().toXml(TestingResults.run(List.of(result)));
        Document doc = parse(xml);

        Element testcase = testcase(doc, 0);
        assertEquals("model.shop.<weird>&\"name\"", testcase.getAttribute("name"));
        Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
        assertEquals("a \"quoted\" <tag> & 'apostrophe'\nsecond line\uFFFD\uFFFD[31m\ttab", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().endsWith("rows: <1> & \uFFFD ]]> end"), failure.getTextContent());
    }

    @Test
    void keepsCharactersOutsideTheBasicPlaneAndReplacesLoneSurrogates() throws Exception {
        NodeResult result = NodeResult.error("model.shop.emoji", "bad \uD83D\uDE00 row \uD800 end");
        Document doc = parse(new JUnitXmlWriter().toXml(TestingResults.run(List.of(result))));
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertEquals("bad \uD83D\uDE00 row \uFFFD end", failure.getAttribute("message"));
    }
}
