package dev.newsbatch.app.rest;

import java.util.List;

/**
 * Keeps the Gemini API key out of everything printed: any occurrence of the key's value is replaced.
 *
 * <pre>{@code
 * err.println(Secrets.redact(exception.getMessage()));
 * }</pre>
 */
public final class Secrets {
    private static final List<String> VARIABLES = List.of("GOOGLE_API_KEY", "GEMINI_API_KEY", "NEWSBATCH_API_TOKEN");

    private Secrets() {}

    /** {@code text} with the values of the key and token variables replaced by {@code ***}. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String name : VARIABLES) {
            String value = System.getenv(name);
            if (value != null && value.length() >= 4) {
                out = out.replace(value, "***");
            }
        }
        return out;
    }
}
