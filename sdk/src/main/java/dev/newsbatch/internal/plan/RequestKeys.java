package dev.newsbatch.internal.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Stable request keys and content hashes. A key is derived from the article id alone, so a result
 * maps back to its article whatever the order of the results file, and a re-run recognises work
 * already done.
 *
 * <pre>{@code
 * RequestKeys.of("article-17");      // "a-article-17"
 * RequestKeys.of("https://x/y?z");   // "h-3f5c0e..." (hash of the id)
 * }</pre>
 */
public final class RequestKeys {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.-]{1,96}");

    private RequestKeys() {}

    /** The request key of an article id. */
    public static String of(String articleId) {
        return SAFE.matcher(articleId).matches() ? "a-" + articleId : "h-" + sha256(articleId).substring(0, 32);
    }

    /** Hex SHA-256 of the text. */
    public static String sha256(String text) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The content hash of an article: SHA-256 of its title and contents. */
    public static String contentHash(String title, String contents) {
        return sha256(title + "\n\n" + contents);
    }
}
