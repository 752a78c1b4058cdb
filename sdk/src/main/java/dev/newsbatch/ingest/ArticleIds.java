package dev.newsbatch.ingest;

import dev.newsbatch.internal.Checks;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Stable article ids for URL inputs: the first 16 hex digits of the SHA-256 of the normalised URL, so the same
 * page gets the same id in every run. Normalising lower-cases scheme and host, drops a default port and the
 * fragment, and turns an empty path into {@code /}.
 *
 * <pre>{@code
 * ArticleIds.fromUrl("HTTPS://Example.com:443/a#top").equals(ArticleIds.fromUrl("https://example.com/a"));  // true
 * }</pre>
 */
public final class ArticleIds {
    private ArticleIds() {}

    /**
     * The id of {@code url}.
     *
     * @throws IllegalArgumentException if {@code url} is blank
     */
    public static String fromUrl(String url) {
        Checks.notBlank(url, "url");
        byte[] hash = sha256(normalise(url.strip()));
        StringBuilder s = new StringBuilder(16);
        for (int i = 0; i < 8; i++) {
            s.append(String.format("%02x", hash[i] & 0xFF));
        }
        return s.toString();
    }

    /** The normalised form of {@code url} that ids are computed from; unparsable text is used as it is. */
    static String normalise(String url) {
        try {
            URI u = new URI(url);
            if (u.getScheme() == null || u.getRawAuthority() == null) {
                return url;
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            String host = u.getHost() == null ? u.getRawAuthority().toLowerCase(Locale.ROOT) : u.getHost().toLowerCase(Locale.ROOT);
            int port = u.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return scheme + "://" + (u.getRawUserInfo() == null ? "" : u.getRawUserInfo() + "@") + host
                    + (defaultPort ? "" : ":" + port) + path + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        } catch (URISyntaxException e) {
            return url;
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
