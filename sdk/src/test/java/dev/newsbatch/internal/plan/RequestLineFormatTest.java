package dev.newsbatch.internal.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.newsbatch.Article;
import dev.newsbatch.RunConfig;
import dev.newsbatch.Thinking;
import dev.newsbatch.schema.ClassificationSchema;
import dev.newsbatch.schema.Prompts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Request lines written from the template's fixed bytes are byte for byte what a plain Jackson generator writes. */
class RequestLineFormatTest {
    /** Characters that escape differently: controls, quotes, backslash, DEL, Latin-1, BMP, pairs, lone halves, braces. */
    private static final String ALPHABET = "ab Z09 \"\\/\u0000\u0001\u0008\t\n\u000b\f\r\u001f\u007f\u0080\u00e9\u00ff"
            + "\u0100\u07ff\u0800\u20ac\u2028\ufeff\uffff\ud83d\ude00\ud800\udc00{}{title}{contents}";

    static byte[] jackson(RequestTemplate t, Article a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            t.write(json, a);
        }
        return out.toByteArray();
    }

    static String random(Random r, int max) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(4) == 0) {
                b.append("{title}{contents}".substring(r.nextInt(8), 8 + r.nextInt(9)));
            } else {
                b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            }
        }
        return b.toString();
    }

    static List<RequestTemplate> templates() {
        RunConfig base = RunConfig.ofDefaults(Path.of("x"));
        List<RequestTemplate> all = new ArrayList<>();
        all.add(RequestTemplate.of(base));
        all.add(RequestTemplate.of(base.withModel("gemini-2.5-flash").withThinking(Thinking.budget(512))));
        all.add(RequestTemplate.none());
        all.add(new RequestTemplate("m", new Prompts("", "{contents}"), null));
        all.add(new RequestTemplate("m", new Prompts("Sys \"quoted\" \u00e9\n", "{title}{title} / {contents} {contents}!"),
                ClassificationSchema.news()));
        all.add(new RequestTemplate("m", new Prompts("s", "{{title}} {con{title}tents} {contents}"), null));
        all.add(new RequestTemplate("m", new Prompts("nbKEY0x nbTEXT0x", "nbKEY0x {title} nbTEXT0x {contents}"), null));
        return all;
    }

    @Test
    void everyLineAndItsLengthMatchJackson() throws IOException {
        Random r = new Random(7);
        for (RequestTemplate t : templates()) {
            for (int i = 0; i < 400; i++) {
                String id = i % 3 == 0 ? "id-" + i : random(r, 12) + "x";
                Article a = Article.of(id, random(r, 20), random(r, 60));
                byte[] expected = jackson(t, a);
                assertEquals(new String(expected, StandardCharsets.UTF_8), t.line(a), t + " " + a);
                assertEquals(expected.length + 1, t.lineBytes(a), t + " " + a);
            }
        }
    }

    @Test
    void aBufferSmallerThanALineHandsItOnWhole() throws IOException {
        RequestTemplate t = RequestTemplate.of(RunConfig.ofDefaults(Path.of("x")));
        Article a = Article.of("big", "T", "\u00e9\"x\n".repeat(40_000));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        LineBuffer out = new LineBuffer(file, 1024);
        t.write(out, a);
        out.write('\n');
        t.write(out, a);
        out.flush();
        byte[] one = jackson(t, a);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(one);
        expected.write('\n');
        expected.write(one);
        assertArrayEquals(expected.toByteArray(), file.toByteArray());
        assertEquals(file.size(), out.bytes());
    }
}
