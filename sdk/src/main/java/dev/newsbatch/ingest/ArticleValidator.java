package dev.newsbatch.ingest;

import dev.newsbatch.Article;
import dev.newsbatch.internal.KeyIndex;

/**
 * Turns raw records into articles: id, title and contents must be present and not empty (see
 * {@link ArticleText}: whitespace and invisible characters alone count as empty), every text must be valid
 * Unicode without NUL characters, url is optional but must be an http(s) URL when given, ids must be unique
 * within the file, and a file must hold at least one article.
 */
final class ArticleValidator {
    private final ProblemLog log;
    /** The ids seen, with the line each was first seen on: compact, as it grows with the input. */
    private final KeyIndex seen = new KeyIndex();
    private long records;

    ArticleValidator(ProblemLog log) {
        this.log = log;
    }

    /** The article, or {@code null} when the record has problems (they are logged). */
    Article toArticle(RawRecord r) {
        records++;
        int before = log.size();
        long index = lineBased ? -1 : r.index();
        String id = required(r, "id", index);
        String title = required(r, "title", index);
        String contents = required(r, "contents", index);
        String url = r.fields().get("url");
        boolean usable = id != null && title != null && contents != null;
        String badUrl = ArticleText.invalidUnicode(url);
        if (badUrl != null) {
            log.add(r.line(), index, "url", badUrl);
            usable = false;
        } else if (url != null && !url.isBlank() && HttpUrls.parse(url) == null) {
            log.add(r.line(), index, "url", HttpUrls.rule() + ", was \"" + dev.newsbatch.internal.Checks.abbreviate(url, 200) + "\"");
        }
        if (id != null) {
            long first = seen.putIfAbsent(id, Math.max(0, Math.min(KeyIndex.MAX_VALUE, r.line())));
            if (first >= 0) {
                log.add(r.line(), index, "id", "duplicates the id on line " + first + ", was \""
                        + dev.newsbatch.internal.Checks.abbreviate(id, 100) + "\"");
            }
        }
        if (!usable || log.size() > before) {
            return null;
        }
        return new Article(id, title, contents, url == null || url.isBlank() ? null : url.strip());
    }

    /** Logs {@code no articles} when the whole input held no record and no other problem was found. */
    void finish() {
        if (records == 0 && log.size() == 0) {
            log.add(-1, -1, null, "no articles, expected at least one");
        }
    }

    private boolean lineBased;

    /** JSONL and CSV records are located by line alone; JSON array elements also by index. */
    ArticleValidator lineBased(boolean value) {
        this.lineBased = value;
        return this;
    }

    /** The field's text, or {@code null} when it is unusable (logged here, or by the reader when mapped to null). */
    private String required(RawRecord r, String field, long index) {
        if (!r.fields().containsKey(field)) {
            log.add(r.line(), index, field, "is missing");
            return null;
        }
        String v = r.fields().get(field);
        if (v == null) {
            return null;
        }
        String problem = ArticleText.problem(v, true);
        if (problem != null) {
            log.add(r.line(), index, field, problem);
            return null;
        }
        return v;
    }
}
