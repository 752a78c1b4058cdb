package dev.newsbatch.ingest;

import dev.newsbatch.Article;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns raw records into articles: id, title and contents must be present and not blank, url is optional
 * but must be an http(s) URL when given, and ids must be unique within the file.
 */
final class ArticleValidator {
    private final ProblemLog log;
    private final Map<String, Long> seen = new HashMap<>();

    ArticleValidator(ProblemLog log) {
        this.log = log;
    }

    /** The article, or {@code null} when the record has problems (they are logged). */
    Article toArticle(RawRecord r) {
        int before = log.size();
        long index = lineBased ? -1 : r.index();
        String id = required(r, "id", index);
        String title = required(r, "title", index);
        String contents = required(r, "contents", index);
        String url = r.fields().get("url");
        if (url != null && !url.isBlank() && HttpUrls.parse(url) == null) {
            log.add(r.line(), index, "url", HttpUrls.rule() + ", was \"" + dev.newsbatch.internal.Checks.abbreviate(url, 200) + "\"");
        }
        if (id != null) {
            Long first = seen.putIfAbsent(id, r.line());
            if (first != null) {
                log.add(r.line(), index, "id", "duplicates the id on line " + first + ", was \""
                        + dev.newsbatch.internal.Checks.abbreviate(id, 100) + "\"");
            }
        }
        if (log.size() > before) {
            return null;
        }
        return new Article(id, title, contents, url == null || url.isBlank() ? null : url.strip());
    }

    private boolean lineBased;

    /** JSONL and CSV records are located by line alone; JSON array elements also by index. */
    ArticleValidator lineBased(boolean value) {
        this.lineBased = value;
        return this;
    }

    private String required(RawRecord r, String field, long index) {
        if (!r.fields().containsKey(field)) {
            log.add(r.line(), index, field, "is missing");
            return null;
        }
        String v = r.fields().get(field);
        if (v == null) {
            return null;
        }
        if (v.isBlank()) {
            log.add(r.line(), index, field, "is empty");
            return null;
        }
        return v;
    }
}
