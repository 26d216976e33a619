package dev.model.run.report;

/** The colour a status word gets on a terminal. */
enum Tone {
    PLAIN(""), GREEN("\u001b[32m"), RED("\u001b[31m"), YELLOW("\u001b[33m");

    private static final String RESET = "\u001b[0m";

    private final String code;

    Tone(String code) {
        this.code = code;
    }

    String paint(String text, boolean colour) {
        return !colour || this == PLAIN ? text : code + text + RESET;
    }
}
