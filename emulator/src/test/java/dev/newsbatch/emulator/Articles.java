package dev.newsbatch.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Sample news prompts and JSONL request files in Google's batch format. */
final class Articles {
    static final String FINANCIAL = "Title: Acme Holding A.Ş. profits surge as bank lending grows\n"
            + "Content: Acme Holding A.Ş. reported record quarterly profit on Tuesday, beating investor forecasts. "
            + "Shares rose 8% on the Borsa Istanbul as revenue from its banking unit grew. Analysts at Garanti BBVA "
            + "said interest rate cuts could boost lending further. The company also plans a solar energy plant.";
    static final String NON_FINANCIAL = "Title: Local team wins the cup\n"
            + "Content: The city's football team won the national cup final on Sunday evening. Thousands of fans "
            + "celebrated in the streets until late at night.";

    /** The news classification schema as snake_case JSON (the real API accepts both spellings). */
    static final String NEWS_SCHEMA = "{\"type\":\"OBJECT\",\"properties\":{"
            + "\"page_title\":{\"type\":\"STRING\"},"
            + "\"is_financial\":{\"type\":\"STRING\",\"enum\":[\"Yes\",\"No\"]},"
            + "\"sector\":{\"type\":\"ARRAY\",\"items\":{\"type\":\"STRING\"}},"
            + "\"companies\":{\"type\":\"ARRAY\",\"items\":{\"type\":\"STRING\"}},"
            + "\"sentiment\":{\"type\":\"STRING\",\"enum\":[\"Positive\",\"Negative\",\"Neutral\"]},"
            + "\"confident_score\":{\"type\":\"INTEGER\",\"minimum\":0,\"maximum\":10},"
            + "\"summary_en\":{\"type\":\"STRING\"},\"summary_tr\":{\"type\":\"STRING\"}},"
            + "\"required\":[\"page_title\",\"is_financial\",\"sector\",\"companies\",\"sentiment\","
            + "\"confident_score\",\"summary_en\",\"summary_tr\"]}";

    private Articles() {}

    static String line(String key, String text) {
        return "{\"key\":\"" + key + "\",\"request\":{\"contents\":[{\"parts\":[{\"text\":"
                + Json.text(text) + "}],\"role\":\"user\"}],\"generation_config\":{\"response_mime_type\":"
                + "\"application/json\",\"response_schema\":" + NEWS_SCHEMA + "}}}";
    }

    /** {@code n} request lines, keys {@code k0..k(n-1)}, alternating financial and other news. */
    static byte[] jsonl(int n) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(line("k" + i, i % 2 == 0 ? FINANCIAL : NON_FINANCIAL));
        }
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
