package dev.newsbatch.internal;

import dev.newsbatch.Article;
import dev.newsbatch.ItemError;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where a spec's articles come from; opened anew for each submission.
 */
public interface ArticleSource {
    /** A fresh iterator over the articles. */
    Iterator<Article> open();

    /**
     * A fresh iterator over the articles; inputs that yield no article (a page that cannot be
     * fetched) are reported to {@code rejected}.
     */
    default Iterator<Article> open(java.util.function.Consumer<ItemError> rejected) {
        return open();
    }

    /** Number of articles if known without reading, else -1. */
    long size();

    /** A short description for {@code toString()}. */
    String describe();

    /**
     * What identifies the input: a SHA-256 over every article's id, title, contents and URL, in order.
     * Reads the source once more.
     */
    default String fingerprint() {
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        for (Iterator<Article> it = open(); it.hasNext(); ) {
            Article a = it.next();
            for (String part : new String[] {a.id(), a.title(), a.contents(), a.url() == null ? "" : a.url()}) {
                digest.update(part.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    /** True when opening the source again is cheap and gives the same articles (files, lists; not fetched pages). */
    default boolean rereadable() {
        return true;
    }

    static ArticleSource of(List<Article> articles) {
        List<Article> copy = List.copyOf(articles);
        return new ArticleSource() {
            @Override
            public Iterator<Article> open() {
                return copy.iterator();
            }

            @Override
            public long size() {
                return copy.size();
            }

            @Override
            public String describe() {
                return "articles=" + copy.size();
            }
        };
    }

    static ArticleSource of(Supplier<Iterator<Article>> opener, long size, String description) {
        return new ArticleSource() {
            @Override
            public Iterator<Article> open() {
                return opener.get();
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }
}
