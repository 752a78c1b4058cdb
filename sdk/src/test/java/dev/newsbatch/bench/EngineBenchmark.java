package dev.newsbatch.bench;

import dev.newsbatch.Article;
import dev.newsbatch.internal.engine.BatchEngine;
import dev.newsbatch.internal.engine.PrepareReport;
import dev.newsbatch.internal.plan.RequestTemplate;
import dev.newsbatch.internal.engine.ResultFileReader;
import dev.newsbatch.internal.engine.RunSettings;
import dev.newsbatch.internal.gemini.GeminiConnection;
import dev.newsbatch.ingest.ArticleFiles;
import dev.newsbatch.ingest.ArticleStream;
import dev.newsbatch.schema.ClassificationSchema;
import dev.newsbatch.schema.Prompts;
import dev.newsbatch.internal.store.Ledger;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Engine figures: preparing the request JSONL (files and ledger) for 12,000 articles of 9,000
 * characters, parsing 12,000 result lines, and preparing 1,000,000 articles streamed (run with
 * {@code -Xmx512m} to check the heap stays under 512 MB). Peak heap is the peak of the heap pools'
 * usage during each phase (after a GC before it).
 *
 * <pre>{@code
 * java -Xmx512m -cp ... dev.newsbatch.bench.EngineBenchmark [MILLION_CHARS]   # 1,000,000 articles of 1,500 chars
 * }</pre>
 */
public final class EngineBenchmark {
    static final String MODEL = "gemini-3.1-flash-lite";

    private EngineBenchmark() {}

    public static void main(String[] args) throws Exception {
        int millionChars = args.length > 0 ? Integer.parseInt(args[0]) : 1500;
        System.out.printf("max heap %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
        Path tmp = Files.createTempDirectory("engine-bench");
        try (GeminiConnection c = GeminiConnection.to("http://127.0.0.1:9", "unused")) {
            double[] p12k = prepare(c, tmp.resolve("p12k"), "p12k", 12_000, 9_000);
            double[] parsed = parse(tmp.resolve("results.jsonl"), 12_000);
            Path input = tmp.resolve("million.jsonl");
            long w0 = System.nanoTime();
            try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
                var json = new com.fasterxml.jackson.databind.ObjectMapper();
                for (Iterator<Article> it = articles(1_000_000, millionChars); it.hasNext(); ) {
                    Article a = it.next();
                    w.write(json.writeValueAsString(java.util.Map.of("id", a.id(), "title", a.title(),
                            "contents", a.contents())));
                    w.write('\n');
                }
            }
            System.out.printf("(wrote the 1,000,000-article input, %,d MB, in %.0f s)%n", Files.size(input) >> 20,
                    (System.nanoTime() - w0) / 1e9);
            double[] p1m;
            try (ArticleStream in = ArticleFiles.stream(input)) {
                p1m = prepare(c, tmp.resolve("p1m"), "p1m", in.iterator(), 1_000_000, millionChars);
            }
            long maxHeap = Runtime.getRuntime().maxMemory() >> 20;
            System.out.printf(Locale.ROOT, "engine-prepare-12k %.1f s (goal <= 15)%n", p12k[0]);
            System.out.printf(Locale.ROOT, "engine-prepare-12k-peak-heap %.0f MB (goal <= 512)%n", p12k[1]);
            System.out.printf(Locale.ROOT, "engine-parse-12k %.2f s (goal <= 5)%n", parsed[0]);
            System.out.printf(Locale.ROOT, "engine-parse-12k-valid %.0f lines (goal = 12000)%n", parsed[2]);
            System.out.printf(Locale.ROOT, "engine-prepare-1m %.0f s (goal <= 240)%n", p1m[0]);
            System.out.printf(Locale.ROOT, "engine-prepare-1m-peak-heap %.0f MB (goal < %d, the max heap)%n", p1m[1],
                    maxHeap);
        }
    }

    /** Returns seconds and peak heap in MB. */
    static double[] prepare(GeminiConnection c, Path dir, String run, int n, int chars) {
        return prepare(c, dir, run, articles(n, chars), n, chars);
    }

    static double[] prepare(GeminiConnection c, Path dir, String run, Iterator<Article> articles, int n, int chars) {
        try (Ledger ledger = Ledger.open(dir)) {
            BatchEngine engine = new BatchEngine(c.gateway(), ledger, dir);
            RunSettings s = dev.newsbatch.internal.engine.SampleArticles.settings(dev.newsbatch.RunConfig.ofDefaults(dir).withName(run).withModel(MODEL));
            startPhase();
            long t0 = System.nanoTime();
            PrepareReport r = engine.prepare(s, articles);
            double secs = (System.nanoTime() - t0) / 1e9;
            long peak = peakHeapMb();
            System.out.printf("prepare %,d articles of %,d chars: %.1f s, %,.0f articles/s, %d files, %,d MB JSONL, "
                    + "peak heap %d MB%n", n, chars, secs, n / secs, r.files(), r.bytes() >> 20, peak);
            return new double[] {secs, peak};
        }
    }

    /** Returns seconds, peak heap in MB and the number of valid lines. */
    static double[] parse(Path file, int n) throws Exception {
        String answer = "{\"page_title\":\"Acme Corp shares rise\",\"is_financial\":\"Yes\",\"sector\":[\"Finance\","
                + "\"Technology\"],\"companies\":[\"Acme Corp\",\"Globex Inc\"],\"sentiment\":\"Positive\","
                + "\"confident_score\":8,\"summary_en\":\"Acme Corp shares rose 4 percent after quarterly earnings "
                + "beat forecasts; investors welcomed a higher dividend.\",\"summary_tr\":\"Acme Corp hisseleri "
                + "ceyrek kazanclari beklentileri asinca yuzde 4 yukseldi.\"}";
        String text = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(answer);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                w.write("{\"key\":\"k-" + i + "\",\"response\":{\"candidates\":[{\"content\":{\"parts\":[{\"text\":"
                        + text + "}],\"role\":\"model\"},\"finishReason\":\"STOP\"}],\"usageMetadata\":"
                        + "{\"promptTokenCount\":2400,\"candidatesTokenCount\":150,\"totalTokenCount\":2550},"
                        + "\"modelVersion\":\"gemini-3.1-flash-lite\"}}\n");
            }
        }
        var schema = ClassificationSchema.news();
        AtomicLong ok = new AtomicLong();
        startPhase();
        long t0 = System.nanoTime();
        ResultFileReader.read(file, schema, line -> {
            if (line.ok()) {
                ok.incrementAndGet();
            }
        });
        double secs = (System.nanoTime() - t0) / 1e9;
        long peak = peakHeapMb();
        System.out.printf("parse %,d result lines (%,d KB): %.2f s, %,.0f lines/s, %d valid, peak heap %d MB%n", n,
                Files.size(file) >> 10, secs, n / secs, ok.get(), peak);
        return new double[] {secs, peak, ok.get()};
    }

    static Iterator<Article> articles(int n, int chars) {
        String sentence = "Shares of the company rose after quarterly earnings beat forecasts while analysts "
                + "weighed the outlook for interest rates, inflation and consumer demand across markets. ";
        StringBuilder b = new StringBuilder();
        while (b.length() < chars + 100) {
            b.append(sentence);
        }
        String body = b.toString();
        return new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public Article next() {
                int off = i % 97;
                Article a = Article.of("a-" + i, "Markets story " + i, body.substring(off, off + chars));
                i++;
                return a;
            }
        };
    }

    static void startPhase() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }

    static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
