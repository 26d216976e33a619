package dev.model.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

final class TestSitePage {

    private static final Pattern DATA = Pattern.compile(
            "<script type=\"application/json\" id=\"docs-data\">(.*?)</script>", Pattern.DOTALL);

    @Test
    void embedsDataSoThatNoTextCanCloseTheScriptBlock() throws Exception {
        String hostile = "</script><script>alert(1)</script><!-- & \u2028 /*{{js}}*/ {{data}}";
        String page = SitePage.render("shop <b>", Map.of("project", hostile, "nodes", List.of()));
        Matcher data = DATA.matcher(page);
        assertTrue(data.find(), "the data block is there");
        String json = data.group(1);
        assertFalse(json.contains("<"), json);
        assertFalse(json.contains(">"), json);
        assertTrue(json.contains("\\u003c/script\\u003e"), json);
        assertEquals(hostile, new ObjectMapper().readTree(json).get("project").asText());
        assertTrue(page.contains("<title>shop &lt;b&gt; \u00b7 model docs</title>"));
        assertEquals(1, count(page, "<script type=\"application/json\""));
        assertEquals(2, count(page, "<script"), "the data block and the page's one script");
    }

    @Test
    void isOneFileThatFetchesNothing() {
        String page = SitePage.render("shop", Map.of("project", "shop", "nodes", List.of()));
        assertFalse(page.matches("(?s).*<(link|img|iframe)\\b.*"), "no linked resources");
        assertFalse(page.matches("(?s).*<script[^>]*\\bsrc=.*"), "no external scripts");
        assertFalse(page.contains("@import"), "no imported styles");
        assertFalse(page.contains("url("), "no fetched fonts or images in CSS");
        assertFalse(page.matches("(?s).*\\b(fetch|XMLHttpRequest|WebSocket|sendBeacon)\\b.*"), "no requests in the script");
        assertTrue(page.contains("default-src 'none'; script-src 'sha256-"), "the CSP forbids fetching");
        assertFalse(page.contains("/*{{css}}*/") || page.contains("/*{{js}}*/") || page.contains("{{script-hash}}"));
    }

    @Test
    void fillReplacesEachPlaceholderOnceInOrder() {
        assertEquals("a[x {{b}}]b[y]", SitePage.fill("a{{a}}b{{b}}",
                List.of(Map.entry("{{a}}", "[x {{b}}]"), Map.entry("{{b}}", "[y]"))));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
