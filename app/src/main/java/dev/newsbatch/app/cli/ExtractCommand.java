package dev.newsbatch.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbatch.ingest.ArticleExtractor;
import dev.newsbatch.ingest.ExtractedArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsbatch extract URL | --html FILE [--url URL]}: the article text of a news page, as JSON. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Print the article of a news page as JSON.",
                "Extract the article of a news page (title, text, byline, site, publication time) and print it "
                + "as JSON: from a saved HTML file with --html, or from a URL."},
        footer = {"", "Examples:", "  newsbatch extract --html page.html --url https://example.com/news/1",
                "  newsbatch extract https://example.com/news/1"})
final class ExtractCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "URL", description = "The page to fetch.")
    String url;

    @Option(names = "--html", paramLabel = "FILE", description = "A saved HTML page to read instead of fetching.")
    Path html;

    @Option(names = "--url", paramLabel = "URL", description = "The page's address, to resolve links (with --html).")
    String baseUrl;

    @Override
    public Integer call() {
        if (html == null && url == null) {
            throw new IllegalArgumentException("URL or --html FILE is required, was neither");
        }
        if (html != null && url != null) {
            throw new IllegalArgumentException("URL and --html FILE exclude each other, was both");
        }
        if (html == null) {
            checkHttp("URL", url);
            throw new UnsupportedOperationException("fetching pages is not part of this build yet; save the page and run "
                    + "`newsbatch extract --html page.html --url " + url + "`");
        }
        String page = read(html);
        String base = baseUrl == null ? html.toAbsolutePath().toUri().toString() : checkHttp("--url", baseUrl);
        ExtractedArticle a = ArticleExtractor.ofDefaults().extract(page, base);
        printJson(view(a, baseUrl));
        if (a.isEmpty()) {
            err().println("newsbatch: no article text found in " + html);
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }

    private static ObjectNode view(ExtractedArticle a, String url) {
        ObjectNode n = Output.object();
        n.put("title", a.title());
        n.put("contents", a.contents());
        n.put("byline", a.byline());
        n.put("site_name", a.siteName());
        n.put("published", a.published());
        n.put("excerpt", a.excerpt());
        n.put("url", url);
        return n;
    }

    private static String checkHttp(String field, String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " must be an http or https URL, was \"" + value + "\"");
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
            throw new IllegalArgumentException(field + " must be an http or https URL, was \"" + value + "\"");
        }
        return value;
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
