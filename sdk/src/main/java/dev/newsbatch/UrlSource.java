package dev.newsbatch;

import java.nio.file.Path;
import java.util.List;

/** Articles fetched from URLs at submission. */
final class UrlSource {
    private UrlSource() {}

    static ArticleSource of(List<String> urls) {
        throw new UnsupportedOperationException("fromUrls is not available yet");
    }

    static ArticleSource of(Path urlList) {
        throw new UnsupportedOperationException("fromUrls is not available yet");
    }
}
