package dev.model.adapter.snowflake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes every configured secret value (password, token, passphrase, key text) from a message
 * before it reaches an error, a log line or an artifact. The driver's own messages were checked
 * not to echo credentials; this is the guarantee that none ever does.
 */
final class SecretScrubber {

    static final String MASK = "****";

    /** Shorter secrets are masked only as whole words, so a 3-letter password cannot shred a message. */
    private static final int WORD_ONLY_BELOW = 4;

    private final List<Pattern> patterns;

    SecretScrubber(Collection<String> secrets) {
        List<String> distinct = secrets.stream()
                .filter(s -> s != null && !s.isBlank())
                .distinct()
                // Longest first: a secret containing another is masked whole.
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        List<Pattern> out = new ArrayList<>();
        for (String secret : distinct) {
            String quoted = Pattern.quote(secret);
            out.add(Pattern.compile(secret.length() < WORD_ONLY_BELOW ? "(?<![\\w])" + quoted + "(?![\\w])" : quoted));
            // A multi-line secret (a PEM key) also leaks line by line; mask its long lines too.
            for (String line : secret.split("\\R")) {
                if (line.strip().length() >= 16 && !line.equals(secret)) {
                    out.add(Pattern.compile(Pattern.quote(line.strip())));
                }
            }
        }
        this.patterns = List.copyOf(out);
    }

    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Pattern pattern : patterns) {
            out = pattern.matcher(out).replaceAll(Matcher.quoteReplacement(MASK));
        }
        return out;
    }

    @Override
    public String toString() {
        return "SecretScrubber[" + patterns.size() + " patterns]";
    }
}
