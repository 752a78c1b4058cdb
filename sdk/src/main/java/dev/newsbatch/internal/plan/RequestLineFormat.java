package dev.newsbatch.internal.plan;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.newsbatch.Article;
import dev.newsbatch.schema.Prompts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A template's request line taken apart once: the bytes that every line repeats (rendered by
 * {@link RequestTemplate#write(JsonGenerator, String, String)}, so the structure has one definition), and
 * between them the request key and the prompt, whose own fixed pieces are escaped once too. A line is then
 * those bytes copied and the article's title and text escaped straight into the output
 * ({@link LineBuffer}), the same bytes Jackson writes for it.
 */
final class RequestLineFormat {
    /** In {@link #prompt}: where the title goes. */
    private static final byte[] TITLE = new byte[0];
    /** In {@link #prompt}: where the contents go. */
    private static final byte[] CONTENTS = new byte[0];

    private final Prompts prompts;
    private final byte[] head;
    private final byte[] middle;
    private final byte[] tail;
    /** The prompt template as escaped pieces, {@link #TITLE} and {@link #CONTENTS}. */
    private final byte[][] prompt;
    /**
     * True when the template has no brace outside its placeholders: then, for a title without braces,
     * {@link Prompts#render} is the pieces with title and contents in their places. Otherwise a placeholder
     * could form across a title's edge, and the prompt is rendered as text first.
     */
    private final boolean plain;
    private final long fixedBytes;

    private RequestLineFormat(RequestTemplate template) {
        this.prompts = template.prompts();
        byte[][] parts = split(template);
        this.head = parts[0];
        this.middle = parts[1];
        this.tail = parts[2];
        String t = prompts.template();
        List<byte[]> pieces = new ArrayList<>();
        int at = 0;
        while (at <= t.length()) {
            int title = t.indexOf("{title}", at);
            String segment = t.substring(at, title < 0 ? t.length() : title);
            int from = 0;
            while (true) {
                int contents = segment.indexOf("{contents}", from);
                pieces.add(escape(segment.substring(from, contents < 0 ? segment.length() : contents)));
                if (contents < 0) {
                    break;
                }
                pieces.add(CONTENTS);
                from = contents + "{contents}".length();
            }
            if (title < 0) {
                break;
            }
            pieces.add(TITLE);
            at = title + "{title}".length();
        }
        this.prompt = pieces.toArray(byte[][]::new);
        String rest = t.replace("{title}", "").replace("{contents}", "");
        this.plain = rest.indexOf('{') < 0 && rest.indexOf('}') < 0;
        long fixed = head.length + middle.length + tail.length;
        for (byte[] p : prompt) {
            fixed += p.length;
        }
        this.fixedBytes = fixed;
    }

    static RequestLineFormat of(RequestTemplate template) {
        return new RequestLineFormat(template);
    }

    /** Appends {@code a}'s request line, without the newline. */
    void write(LineBuffer out, Article a) throws IOException {
        out.write(head);
        out.escaped(RequestKeys.of(a.id()));
        out.write(middle);
        if (piecewise(a)) {
            for (byte[] p : prompt) {
                if (p == TITLE) {
                    out.escaped(a.title());
                } else if (p == CONTENTS) {
                    out.escaped(a.contents());
                } else {
                    out.write(p);
                }
            }
        } else {
            out.escaped(prompts.render(a.title(), a.contents()));
        }
        out.write(tail);
    }

    /** The bytes {@link #write} appends for {@code a}. */
    long length(Article a) {
        long n = LineBuffer.escapedLength(RequestKeys.of(a.id()));
        if (!piecewise(a)) {
            return n + head.length + middle.length + tail.length
                    + LineBuffer.escapedLength(prompts.render(a.title(), a.contents()));
        }
        n += fixedBytes;
        for (byte[] p : prompt) {
            if (p == TITLE) {
                n += LineBuffer.escapedLength(a.title());
            } else if (p == CONTENTS) {
                n += LineBuffer.escapedLength(a.contents());
            }
        }
        return n;
    }

    private boolean piecewise(Article a) {
        return plain && a.title().indexOf('{') < 0 && a.title().indexOf('}') < 0;
    }

    /**
     * The line's bytes before the key, between key and prompt, and after the prompt: a line rendered with
     * marker texts, cut at the markers (markers that occur once each in it, the template's texts included).
     */
    private static byte[][] split(RequestTemplate template) {
        for (int attempt = 0; ; attempt++) {
            String key = "nbKEY" + attempt + "x";
            String text = "nbTEXT" + attempt + "x";
            byte[] line = render(template, key, text);
            byte[] k = key.getBytes(StandardCharsets.US_ASCII);
            byte[] x = text.getBytes(StandardCharsets.US_ASCII);
            int ki = indexOf(line, k, 0);
            int xi = indexOf(line, x, 0);
            if (ki >= 0 && xi > ki && indexOf(line, k, ki + 1) < 0 && indexOf(line, x, xi + 1) < 0) {
                return new byte[][] {Arrays.copyOfRange(line, 0, ki), Arrays.copyOfRange(line, ki + k.length, xi),
                    Arrays.copyOfRange(line, xi + x.length, line.length)};
            }
        }
    }

    private static byte[] render(RequestTemplate template, String key, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            template.write(json, key, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] escape(String text) {
        LineBuffer b = new LineBuffer(null, 0);
        try {
            b.escaped(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    private static int indexOf(byte[] in, byte[] what, int from) {
        outer:
        for (int i = from; i <= in.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
