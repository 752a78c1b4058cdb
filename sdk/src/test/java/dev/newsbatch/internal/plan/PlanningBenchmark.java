package dev.newsbatch.internal.plan;

import dev.newsbatch.Article;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Benchmark (not a test): plans 1,000,000 synthetic articles of about 3,000 characters, generated
 * lazily, and prints wall time and peak heap. Run with {@code -Xmx512m} to show planning streams.
 *
 * <pre>{@code
 * java -Xmx512m -cp sdk/target/classes:sdk/target/test-classes:DEPS dev.newsbatch.internal.plan.PlanningBenchmark [articles]
 * }</pre>
 */
public final class PlanningBenchmark {
    private PlanningBenchmark() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String pool = pool();
        RequestTemplate template = new RequestTemplate("gemini-3.1-flash-lite",
                new dev.newsbatch.schema.Prompts("You are a financial news analyst. Answer in JSON following the schema.",
                        "Classify the following news article.\nTitle: {title}\n\nArticle:\n{contents}"),
                dev.newsbatch.schema.ClassificationSchema.news());
        Planner planner = Planner.forModel("gemini-3.1-flash-lite").tier("tier1").template(template);

        for (MemoryPoolMXBean pool0 : ManagementFactory.getMemoryPoolMXBeans()) {
            pool0.resetPeakUsage();
        }
        long start = System.nanoTime();
        Plan plan = planner.plan(new Synthetic(n, pool));
        long nanos = System.nanoTime() - start;

        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.out.println(plan.report());
        System.out.println();
        System.out.println(plan);
        System.out.printf(Locale.ROOT, "%nplanned %,d articles (%,d chars each, generated lazily) in %.2f s "
                        + "(%,.0f articles/s)%npeak heap %.1f MB of max %.0f MB%n",
                plan.articles(), 3_000, nanos / 1e9, plan.articles() / (nanos / 1e9), peak / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
        System.out.printf(Locale.ROOT, "planning-time %.2f s (goal <= 20, %,d articles)%n", nanos / 1e9,
                plan.articles());
        System.out.printf(Locale.ROOT, "planning-peak-heap %.1f MB (goal < %.0f, the max heap)%n", peak / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
    }

    /** Varied English-like text to cut articles from. */
    static String pool() {
        String[] words = {"market", "shares", "rose", "percent", "company", "quarter", "revenue", "bank", "rates",
                "investors", "the", "of", "and", "in", "growth", "inflation", "central", "said", "analysts", "profit",
                "energy", "prices", "fell", "exports", "\"record\"", "Ankara", "İstanbul", "€", "billion", "deal"};
        StringBuilder s = new StringBuilder();
        java.util.Random r = new java.util.Random(42);
        while (s.length() < 10_000) {
            s.append(words[r.nextInt(words.length)]).append(r.nextInt(12) == 0 ? ".\n" : " ");
        }
        return s.toString();
    }

    /** A lazily generated sequence of articles; nothing is kept once handed out. */
    static final class Synthetic implements Iterator<Article> {
        private final int n;
        private final String pool;
        private int i;

        Synthetic(int n, String pool) {
            this.n = n;
            this.pool = pool;
        }

        @Override
        public boolean hasNext() {
            return i < n;
        }

        @Override
        public Article next() {
            if (i >= n) {
                throw new NoSuchElementException();
            }
            int off = (int) ((i * 7919L) % (pool.length() - 3_100));
            int len = 2_900 + (i % 200);
            Article a = Article.of("article-" + i, "Headline number " + i, pool.substring(off, off + len));
            i++;
            return a;
        }
    }
}
