package dev.model.adapter.snowflake;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

final class TestSecretScrubber {

    @Test
    void masksEveryConfiguredSecretWhereverItAppears() {
        SecretScrubber scrubber = new SecretScrubber(List.of("hunter2-correct-horse", "tok.en/with+regex$chars"));
        assertEquals("login for x with **** failed; token **** rejected; again ****",
                scrubber.scrub("login for x with hunter2-correct-horse failed; token tok.en/with+regex$chars rejected;"
                        + " again hunter2-correct-horse"));
    }

    @Test
    void aSecretInsideAnotherIsMaskedWhole() {
        SecretScrubber scrubber = new SecretScrubber(List.of("abcd", "abcdefgh"));
        assertEquals("x **** y", scrubber.scrub("x abcdefgh y"));
    }

    @Test
    void shortSecretsAreMaskedOnlyAsWholeWords() {
        SecretScrubber scrubber = new SecretScrubber(List.of("abc"));
        assertEquals("password **** was wrong; abcdef stays", scrubber.scrub("password abc was wrong; abcdef stays"));
    }

    @Test
    void keyTextLeakingLineByLineIsMasked() {
        String pem = TestingKeys.pkcs8Pem(TestingKeys.generate());
        String secondLine = pem.lines().skip(1).findFirst().orElseThrow();
        SecretScrubber scrubber = new SecretScrubber(List.of(pem));
        assertEquals("driver said: ****", scrubber.scrub("driver said: " + secondLine));
    }

    @Test
    void nullsAndBlanksAreNotSecrets() {
        SecretScrubber scrubber = new SecretScrubber(Arrays.asList(null, "", "  "));
        assertEquals("nothing to hide", scrubber.scrub("nothing to hide"));
        assertNull(scrubber.scrub(null));
    }
}
