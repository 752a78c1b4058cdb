package dev.newsbatch.internal.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
    /** The longest id used in a key as it is; longer ids, and ids with other characters, are hashed. */
    private static final int SAFE_LENGTH = 96;
    private static final byte[] SEPARATOR = "\n\n".getBytes(StandardCharsets.UTF_8);
    private static final MessageDigest SHA256 = digest();

    private RequestKeys() {}

    /** The request key of an article id. */
    public static String of(String articleId) {
        return safe(articleId) ? "a-" + articleId : "h-" + sha256(articleId).substring(0, 32);
    }

    /** True for 1 to 96 of {@code A-Z a-z 0-9 _ . -}. */
    private static boolean safe(String id) {
        int n = id.length();
        if (n == 0 || n > SAFE_LENGTH) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                    || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Hex SHA-256 of the text. */
    public static String sha256(String text) {
        return HexFormat.of().formatHex(newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The content hash of an article: SHA-256 of its title, a blank line and its contents (the three are
     * fed to the digest in turn rather than joined first).
     */
    public static String contentHash(String title, String contents) {
        MessageDigest d = newDigest();
        d.update(String.valueOf(title).getBytes(StandardCharsets.UTF_8));
        d.update(SEPARATOR);
        d.update(String.valueOf(contents).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            return digest();
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
