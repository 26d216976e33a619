package dev.model.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class TestMarkdown {

    @Test
    void rendersHeadingsEmphasisCodeListsAndTables() {
        String html = Markdown.toHtml("""
                # Orders
                One row per **order**, *not* per line; see `order_id`.

                - placed
                - paid

                1. first
                2. second

                | status | revenue? |
                |--------|----------|
                | paid   | yes      |
                """);
        assertEquals("""
                <h1>Orders</h1>
                <p>One row per <strong>order</strong>, <em>not</em> per line; see <code>order_id</code>.</p>
                <ul><li>placed</li><li>paid</li></ul>
                <ol><li>first</li><li>second</li></ol>
                <table><thead><tr><th>status</th><th>revenue?</th></tr></thead><tbody><tr><td>paid</td><td>yes</td></tr></tbody></table>""",
                html);
    }

    @Test
    void escapesMarkupSoAScriptIsText() {
        String html = Markdown.toHtml("Hi <script>alert(1)</script> & <img src=x onerror=alert(2)>");
        assertEquals("<p>Hi &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;</p>", html);
    }

    @Test
    void keepsOnlySafeLinks() {
        assertEquals("<p><a href=\"https://example.com/a?b=1&amp;c=2\" target=\"_blank\" rel=\"noopener noreferrer\">"
                + "docs</a></p>", Markdown.toHtml("[docs](https://example.com/a?b=1&c=2)"));
        assertEquals("<p>bad</p>", Markdown.toHtml("[bad](javascript:alert(document.cookie))").replace(")</p>", "</p>"));
        assertEquals("<p>data</p>", Markdown.toHtml("[data](data:text/html;base64,PHNjcmlwdD4=)"));
        assertEquals("<p>vb</p>", Markdown.toHtml("[vb](VBScript:msgbox)"));
        assertTrue(Markdown.toHtml("[rel](../models/orders.md)").contains("href=\"../models/orders.md\""));
        assertTrue(Markdown.toHtml("[mail](mailto:data@shop.example)").contains("href=\"mailto:data@shop.example\""));
        assertFalse(Markdown.toHtml("[q](\"onmouseover=alert(1))").contains("href"));
    }

    @Test
    void underscoresInsideIdentifiersAreNotEmphasis() {
        assertEquals("<p>set start_date and window.__x = 1 or __y__</p>".replace("__y__", "<strong>y</strong>"),
                Markdown.toHtml("set start_date and window.__x = 1 or __y__"));
    }

    @Test
    void fencedCodeIsLiteral() {
        assertEquals("<pre><code>select &#39;&lt;b&gt;&#39; as **x**\n</code></pre>",
                Markdown.toHtml("```sql\nselect '<b>' as **x**\n```"));
    }

    @Test
    void emptyDescriptionIsEmpty() {
        assertEquals("", Markdown.toHtml(null));
        assertEquals("", Markdown.toHtml("  \n "));
    }
}
