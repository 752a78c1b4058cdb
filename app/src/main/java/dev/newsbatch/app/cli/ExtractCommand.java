package dev.newsbatch.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbatch.Article;
import dev.newsbatch.ingest.ArticleExtractor;
import dev.newsbatch.ingest.ArticleFetcher;
import dev.newsbatch.ingest.ExtractedArticle;
import dev.newsbatch.ingest.FetchResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsbatch extract URL | --html FILE [--url URL]}: the article text of a news page, as JSON. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Print the article of a news page as JSON.",
                "Extract the article of a news page (title, text, byline, site, publication time) and print it "
                + "as JSON: from a saved HTML file with --html, or fetched from a URL. A page that cannot be "
                + "fetched ends with exit code 1 and the reason."},
        footer = {"", "Examples:", "  newsbatch extract https://example.com/news/1",
                "  newsbatch extract --html page.html --url https://example.com/news/1"})
final class ExtractCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "URL", description = "The page to fetch.")
    String url;

    @Option(names = "--html", paramLabel = "FILE", description = "A saved HTML page to read instead of fetching.")
    Path html;

    @Option(names = "--url", paramLabel = "URL",
            description = "The page's address, to resolve links (with --html).")
    String baseUrl;

    @Mixin
    FetchFlags fetching;

    @Override
    public Integer call() {
        if (html == null && url == null) {
            throw new IllegalArgumentException("URL or --html FILE is required, was neither");
        }
        if (html != null && url != null) {
            throw new IllegalArgumentException("URL and --html FILE exclude each other, was both");
        }
        return html == null ? fetched(checkHttp("URL", url)) : saved();
    }

    private int fetched(URI page) {
        FetchResult r;
        try (ArticleFetcher fetcher = ArticleFetcher.of(fetching.options())) {
            r = fetcher.fetch(page);
        }
        if (!r.ok()) {
            throw new IllegalStateException("cannot fetch " + page + ": " + r.failure()
                    + (r.status() > 0 ? " (HTTP " + r.status() + ")" : "") + (r.detail().isEmpty() ? "" : ", "
                    + r.detail().lines().findFirst().orElse("")));
        }
        Article a = r.article().orElseThrow();
        printJson(view(r.extracted().orElseThrow(), a.url(), r.finalUrl().toString()));
        return ExitCode.OK;
    }

    private int saved() {
        String page = read(html);
        String base = baseUrl == null ? html.toAbsolutePath().toUri().toString()
                : checkHttp("--url", baseUrl).toString();
        ExtractedArticle a = ArticleExtractor.ofDefaults().extract(page, base);
        printJson(view(a, baseUrl, baseUrl));
        if (a.isEmpty()) {
            err().println("newsbatch: no article text found in " + html);
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }

    private static ObjectNode view(ExtractedArticle a, String url, String finalUrl) {
        ObjectNode n = Output.object();
        n.put("title", a.title());
        n.put("contents", a.contents());
        n.put("byline", a.byline());
        n.put("site_name", a.siteName());
        n.put("published", a.published());
        n.put("excerpt", a.excerpt());
        n.put("url", url);
        if (finalUrl != null && !finalUrl.equals(url)) {
            n.put("final_url", finalUrl);
        }
        return n;
    }

    private static URI checkHttp(String field, String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " must be an http or https URL, was \"" + value + "\"");
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
            throw new IllegalArgumentException(field + " must be an http or https URL, was \"" + value + "\"");
        }
        return uri;
    }

    private static String read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--html file " + file + " does not exist or is not a regular file");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
