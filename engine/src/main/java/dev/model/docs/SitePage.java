package dev.model.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.model.error.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Assembles the one-file site: the HTML shell with the page's CSS and JavaScript inlined and the
 * data embedded as JSON in a {@code <script type="application/json">} block. The page's
 * Content-Security-Policy allows only that one script (by hash) and inline styles and forbids
 * every fetch, so the page works offline and an injected script could not run.
 */
public final class SitePage {

    private static final String RESOURCES = "/dev/model/docs/";
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private SitePage() {
    }

    public static String render(String projectName, Map<String, Object> data) {
        String shell = resource("index.html");
        String css = resource("docs.css");
        String script = resource("docs.js");
        String json;
        try {
            json = embeddable(JSON.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw ModelException.internal("could not encode the docs data as JSON", e);
        }
        return fill(shell, List.of(
                Map.entry("{{script-hash}}", sha256(script)),
                Map.entry("{{title}}", Markdown.escape(projectName) + " \u00b7 model docs"),
                Map.entry("/*{{css}}*/", css),
                Map.entry("{{data}}", json),
                Map.entry("/*{{js}}*/", script)));
    }

    /**
     * Puts each value in place of its placeholder, scanning the shell once and in order, so that
     * a placeholder's text inside a value (a description quoting one) is never replaced.
     */
    static String fill(String shell, List<Map.Entry<String, String>> values) {
        StringBuilder out = new StringBuilder(shell.length() + values.stream().mapToInt(e -> e.getValue().length()).sum());
        int from = 0;
        for (Map.Entry<String, String> value : values) {
            int at = shell.indexOf(value.getKey(), from);
            if (at < 0) {
                throw ModelException.internal("the docs page shell has no " + value.getKey(), null);
            }
            out.append(shell, from, at).append(value.getValue());
            from = at + value.getKey().length();
        }
        return out.append(shell, from, shell.length()).toString();
    }

    /**
     * JSON that cannot end its script block or open a comment in it: {@code <}, {@code >} and
     * {@code &} are written as {@code \\u} escapes, which JSON reads back as the same characters.
     * Outside strings JSON has none of them, so replacing every one is safe.
     */
    static String embeddable(String json) {
        StringBuilder out = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String sha256(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw ModelException.internal("SHA-256 is not available", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = SitePage.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw ModelException.internal("the docs page resource " + name + " is missing from the jar", null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ModelException.internal("could not read the docs page resource " + name, e);
        }
    }
}
