package dev.newsbatch.internal.gemini;

import dev.newsbatch.internal.plan.RequestKeys;
import java.util.regex.Pattern;

/**
 * The label that carries a request key through Vertex AI batch prediction, whose result lines echo the
 * request but carry no key. Label values are at most 63 characters of lowercase letters, digits, {@code _}
 * and {@code -}; a key that fits is its own label, any other is {@code k-} and 40 hex digits of its SHA-256,
 * so a label never names two keys of one job and is mapped back through the job's keys, never by position.
 *
 * <pre>{@code
 * VertexLabels.of("a-article-17");   // "a-article-17"
 * VertexLabels.of("a-Article.17");   // "k-5d1f..."
 * }</pre>
 */
public final class VertexLabels {
    /** The label key the request key travels under. */
    public static final String KEY = "newsbatch_key";
    private static final Pattern FITS = Pattern.compile("[a-z0-9_-]{1,63}");

    private VertexLabels() {}

    /** The label value of a request key. */
    public static String of(String requestKey) {
        return FITS.matcher(requestKey).matches() && !requestKey.startsWith("k-") ? requestKey
                : "k-" + RequestKeys.sha256(requestKey).substring(0, 40);
    }
}
