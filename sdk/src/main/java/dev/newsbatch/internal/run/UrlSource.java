package dev.newsbatch.internal.run;

import dev.newsbatch.Article;
import dev.newsbatch.ErrorKind;
import dev.newsbatch.ItemError;
import dev.newsbatch.internal.ArticleSource;
import dev.newsbatch.internal.Checks;
import dev.newsbatch.display.ProgressBar;
import dev.newsbatch.ingest.ArticleFetcher;
import dev.newsbatch.ingest.ArticleIds;
import dev.newsbatch.FetchOptions;
import dev.newsbatch.ingest.FetchResult;
import dev.newsbatch.InputProblem;
import dev.newsbatch.InvalidInputException;
import dev.newsbatch.ingest.UrlLists;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Articles fetched from news pages at submission; pages that fail become FETCH_FAILED errors. */
final class UrlSource implements ArticleSource {
    private final List<URI> urls;
    private final FetchOptions options;

    private UrlSource(List<URI> urls, FetchOptions options) {
        this.urls = List.copyOf(urls);
        this.options = options;
    }

    static UrlSource of(List<String> urls, FetchOptions options) {
        Checks.notNull(urls, "urls");
        Checks.notNull(options, "options");
        List<InputProblem> problems = new ArrayList<>();
        LinkedHashSet<URI> parsed = new LinkedHashSet<>();
        for (int i = 0; i < urls.size(); i++) {
            String u = urls.get(i) == null ? "" : urls.get(i).trim();
            try {
                URI uri = URI.create(u);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                    throw new IllegalArgumentException("not an http or https URL");
                }
                parsed.add(uri);
            } catch (IllegalArgumentException e) {
                problems.add(new InputProblem(Path.of("urls"), 0, i, null,
                        "expected an http or https URL, was \"" + Checks.abbreviate(u, 80) + "\""));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("urls must not be empty");
        }
        return new UrlSource(new ArrayList<>(parsed), options);
    }

    static UrlSource of(Path urlList, FetchOptions options) {
        Checks.notNull(urlList, "urlList");
        List<URI> urls = UrlLists.read(urlList);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("url list " + urlList + " has no URLs");
        }
        return new UrlSource(urls, options);
    }

    @Override
    public Iterator<Article> open() {
        return open(e -> { });
    }

    @Override
    public Iterator<Article> open(Consumer<ItemError> rejected) {
        List<Article> articles = new ArrayList<>();
        ProgressBar bar = ProgressBar.to(System.err);
        AtomicInteger done = new AtomicInteger();
        try (ArticleFetcher fetcher = ArticleFetcher.of(options)) {
            for (FetchResult r : fetcher.fetchAll(urls, x -> {
                int n = done.incrementAndGet();
                bar.update("fetch", 100.0 * n / urls.size(), n + "/" + urls.size() + " pages");
            })) {
                if (r.ok()) {
                    articles.add(r.article().orElseThrow());
                } else {
                    String url = r.url().toString();
                    rejected.accept(new ItemError(ArticleIds.fromUrl(url), "", url, ErrorKind.FETCH_FAILED,
                            r.failure() + (r.status() > 0 ? " (HTTP " + r.status() + ")" : "")
                                    + (r.detail().isEmpty() ? "" : ": " + r.detail()), 1));
                }
            }
        } finally {
            bar.finish();
        }
        return articles.iterator();
    }

    /** The URLs identify the input; the pages are not fetched for it. */
    @Override
    public String fingerprint() {
        return dev.newsbatch.internal.plan.RequestKeys.sha256(String.join("\n", urls.stream().map(URI::toString).toList()));
    }

    @Override
    public boolean rereadable() {
        return false;
    }

    @Override
    public long size() {
        return urls.size();
    }

    @Override
    public String describe() {
        return "urls=" + urls.size();
    }
}
