package dev.newsbatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Parses HTML as {@link Jsoup#parse(String, String)} does, with jsoup parsers lent from a small pool instead of a
 * new one per page. A new parser starts with an empty copy of the HTML tag set and fills it (a copy of each tag
 * the page uses) and sets up its tree builder: on pages of a few kilobytes that is about 6% of a parse and
 * {@code text()}, on pages of hundreds of kilobytes under 1%. A jsoup parser may parse one page after another
 * (it is not concurrent: the pool lends each to one thread at a time), and the documents it builds are the ones
 * a new parser builds; only the markup jsoup writes for a page differs: a tag it has seen self-closed on an
 * earlier page is written self-closed.
 *
 * <p>What a lent parser keeps between pages is bounded: a parser holds on to the last document it built, so only
 * one that parsed a page of at most {@value #POOLED_PAGE_CHARS} characters goes back to the pool; one that has
 * added more than {@value #MAX_NEW_TAGS} tags to its tag set (unknown tag names accumulate) is dropped; and the
 * pool holds at most {@value #POOL} parsers. Thread-safe.
 */
final class HtmlParsers {
    /** Parsers kept for reuse, at most. */
    static final int POOL = 16;
    /** Pages longer than this (in characters, or bytes for a stream) are parsed by a parser that is not kept. */
    static final int POOLED_PAGE_CHARS = 256 * 1024;
    /** A parser whose tag set has grown by more tags than this is not kept. */
    static final int MAX_NEW_TAGS = 1_000;

    private static final ConcurrentLinkedQueue<Lent> IDLE = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger IDLE_COUNT = new AtomicInteger();

    private HtmlParsers() {}

    /** As {@link Jsoup#parse(String, String)}. */
    static Document parse(String html, String baseUri) {
        Lent p = borrow();
        boolean done = false;
        try {
            Document doc = Jsoup.parse(html, baseUri, p.parser);
            done = true;
            return doc;
        } finally {
            giveBack(p, done && html.length() <= POOLED_PAGE_CHARS);
        }
    }

    /** As {@link Jsoup#parse(InputStream, String, String)}; {@code size} is the stream's length in bytes. */
    static Document parse(InputStream in, String charset, String baseUri, long size) throws IOException {
        Lent p = borrow();
        boolean done = false;
        try {
            Document doc = Jsoup.parse(in, charset, baseUri, p.parser);
            done = true;
            return doc;
        } finally {
            giveBack(p, done && size <= POOLED_PAGE_CHARS);
        }
    }

    /** How many parsers wait in the pool now (for tests). */
    static int idle() {
        return IDLE_COUNT.get();
    }

    private static Lent borrow() {
        Lent p = IDLE.poll();
        if (p == null) {
            return new Lent();
        }
        IDLE_COUNT.decrementAndGet();
        return p;
    }

    /** Keeps {@code p} for the next page when {@code keep} and it has not grown too much, unless the pool is full. */
    private static void giveBack(Lent p, boolean keep) {
        if (!keep || p.newTags.get() > MAX_NEW_TAGS) {
            return;
        }
        if (IDLE_COUNT.incrementAndGet() <= POOL) {
            IDLE.offer(p);
        } else {
            IDLE_COUNT.decrementAndGet();
        }
    }

    /** A parser and the number of tags its tag set has taken in. */
    private static final class Lent {
        final Parser parser = Parser.htmlParser();
        final AtomicInteger newTags = new AtomicInteger();

        Lent() {
            parser.tagSet().onNewTag(tag -> newTags.incrementAndGet());
        }
    }
}
