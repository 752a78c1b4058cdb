package dev.newsbatch.app.rest;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of everything printed: any occurrence of the Gemini key's or the API token's value is
 * replaced, and so is the user information of a URL ({@code https://user:pass@host/} becomes
 * {@code https://***@host/}).
 *
 * <pre>{@code
 * err.println(Secrets.redact(exception.getMessage()));
 * }</pre>
 */
public final class Secrets {
    private static final List<String> VARIABLES = List.of("GOOGLE_API_KEY", "GEMINI_API_KEY", "NEWSBATCH_API_TOKEN");

    /** A scheme, {@code //}, then user information up to the {@code @} before the host. */
    private static final Pattern USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^\\s/?#@\"'<>\\\\]+@");

    private Secrets() {}

    /** {@code text} with the values of the key and token variables and the user information of URLs replaced by {@code ***}. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = USERINFO.matcher(text).replaceAll("$1***@");
        for (String name : VARIABLES) {
            String value = System.getenv(name);
            if (value != null && value.length() >= 4) {
                out = out.replace(value, "***");
            }
        }
        return out;
    }
}
