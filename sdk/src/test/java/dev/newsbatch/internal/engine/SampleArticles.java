package dev.newsbatch.internal.engine;

import dev.newsbatch.Article;
import dev.newsbatch.internal.plan.RequestTemplate;
import java.util.ArrayList;
import java.util.List;

/** Deterministic sample news articles for tests. */
public final class SampleArticles {
    private static final String[] COMPANIES = {"Acme Corp", "Globex Inc", "Initech Bank", "Umbrella Holding",
        "Stark Industries", "Wayne Enterprises"};
    private static final String[] FINANCE = {
        "%s shares rose 4 percent after quarterly earnings beat analyst forecasts and revenue grew strongly. "
            + "Investors welcomed the higher dividend and the stock market rallied.",
        "%s reported a quarterly loss as profits fell and debt rose, sending its stock down 7 percent. "
            + "Analysts cut their forecasts amid weak demand and layoffs.",
        "The central bank kept interest rates unchanged while %s announced a bond sale to fund expansion. "
            + "Inflation data and currency markets were steady."};
    private static final String[] OTHER = {
        "The local football team won the championship final on Sunday in front of a record crowd.",
        "A new exhibition of modern painting opened at the city museum, drawing families and tourists.",
        "Heavy rain is expected over the weekend, and the weather service advised caution on roads."};

    private SampleArticles() {}

    /** {@code n} articles with ids {@code art-0..}, about two thirds financial. */
    public static List<Article> of(int n) {
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String company = COMPANIES[i % COMPANIES.length];
            boolean financial = i % 3 != 2;
            String body = financial ? String.format(FINANCE[i % FINANCE.length], company) : OTHER[i % OTHER.length];
            String title = financial ? company + " in the news, story " + i : "Community news, story " + i;
            out.add(Article.of("art-" + i, title, body + " " + body));
        }
        return out;
    }

    /** Engine settings for a run of the news schema, estimated at four characters a token. */
    public static RunSettings settings(dev.newsbatch.RunConfig config) {
        RequestTemplate t = RequestTemplate.of(config);
        long overhead = t.fixedChars();
        return RunSettings.of(config.name(), config, t,
                a -> (overhead + a.title().length() + a.contents().length() + 3) / 4, in -> 0.0);
    }
}
