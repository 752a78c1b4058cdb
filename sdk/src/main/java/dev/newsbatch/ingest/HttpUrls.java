package dev.newsbatch.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Parses absolute http and https URLs. */
final class HttpUrls {
    private HttpUrls() {}

    /** The URI, or {@code null} when {@code text} is not an absolute http(s) URL with a host. */
    static URI parse(String text) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return null;
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static String rule() {
        return "must be an absolute http or https URL";
    }
}
