package dev.newsbatch.display;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A finished drawing in CSS pixels: rectangles, lines and text, drawn either as SVG (text left to
 * the browser's fonts) or as a PNG with Java2D. Both come from the same shapes, so the two files of
 * one chart agree.
 */
final class Scene {
    /** Generic font stack: the reader's own interface font, else any sans-serif. */
    static final String FONT_FAMILY = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif";

    enum Anchor { START, MIDDLE, END }

    sealed interface Shape permits Rect, Line, Text {}

    /** A filled rectangle; {@code tooltip} (may be null) shows on hover in SVG. */
    record Rect(String role, double x, double y, double width, double height, Color fill, String tooltip)
            implements Shape {}

    record Line(String role, double x1, double y1, double x2, double y2, Color stroke) implements Shape {}

    /** Text with its baseline at {@code y}, anchored at {@code x}. */
    record Text(String role, double x, double y, String text, double size, boolean bold, Anchor anchor, Color fill)
            implements Shape {}

    private final String title;
    private final int width;
    private final int height;
    private final Color background;
    private final Color border;
    private final List<Shape> shapes;

    Scene(String title, int width, int height, Color background, Color border, List<Shape> shapes) {
        this.title = title;
        this.width = width;
        this.height = height;
        this.background = background;
        this.border = border;
        this.shapes = List.copyOf(shapes);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    List<Shape> shapes() {
        return shapes;
    }

    // ------------------------------------------------------------------ SVG

    String svg() {
        StringBuilder b = new StringBuilder(4096);
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"newsbatch-chart\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" style=\"max-width:100%;height:auto\" role=\"img\" aria-label=\"").append(xml(title))
                .append("\" font-family=\"").append(xml(FONT_FAMILY)).append("\">\n");
        b.append("<title>").append(xml(title)).append("</title>\n");
        b.append("<rect class=\"background\" x=\"0.5\" y=\"0.5\" width=\"").append(width - 1).append("\" height=\"")
                .append(height - 1).append("\" rx=\"6\" fill=\"").append(hex(background)).append("\" stroke=\"")
                .append(hex(border)).append("\"/>\n");
        for (Shape s : shapes) {
            if (s instanceof Rect r) {
                b.append("<rect class=\"").append(r.role()).append("\" x=\"").append(num(r.x()))
                        .append("\" y=\"").append(num(r.y())).append("\" width=\"").append(num(r.width()))
                        .append("\" height=\"").append(num(r.height())).append("\" fill=\"")
                        .append(hex(r.fill())).append('"');
                if (r.tooltip() == null) {
                    b.append("/>\n");
                } else {
                    b.append("><title>").append(xml(r.tooltip())).append("</title></rect>\n");
                }
            } else if (s instanceof Line l) {
                b.append("<line class=\"").append(l.role()).append("\" x1=\"").append(num(l.x1()))
                        .append("\" y1=\"").append(num(l.y1())).append("\" x2=\"").append(num(l.x2()))
                        .append("\" y2=\"").append(num(l.y2())).append("\" stroke=\"").append(hex(l.stroke()))
                        .append("\" stroke-width=\"1\" shape-rendering=\"crispEdges\"/>\n");
            } else if (s instanceof Text t) {
                b.append("<text class=\"").append(t.role()).append("\" x=\"").append(num(t.x()))
                        .append("\" y=\"").append(num(t.y())).append("\" font-size=\"").append(num(t.size()))
                        .append('"');
                if (t.bold()) {
                    b.append(" font-weight=\"600\"");
                }
                if (t.anchor() != Anchor.START) {
                    b.append(" text-anchor=\"").append(t.anchor() == Anchor.MIDDLE ? "middle" : "end").append('"');
                }
                b.append(" fill=\"").append(hex(t.fill())).append("\">").append(xml(t.text())).append("</text>\n");
            }
        }
        return b.append("</svg>\n").toString();
    }

    /**
     * Escapes text for XML content and attribute values; characters XML cannot hold (most control
     * characters, lone surrogates) become U+FFFD.
     */
    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\t', '\n', '\r' -> b.append("&#").append((int) c).append(';');
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static String num(double v) {
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%.1f", r);
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    // ------------------------------------------------------------------ PNG

    /**
     * The drawing as a PNG at {@code scale} device pixels per CSS pixel, text in the JDK's sans-serif
     * font. Runs headless.
     *
     * @throws IllegalStateException if Java2D has no usable font here
     */
    byte[] png(int scale) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.scale(scale, scale);
            RoundRectangle2D card = new RoundRectangle2D.Double(0.5, 0.5, width - 1, height - 1, 12, 12);
            g.setColor(background);
            g.fill(card);
            g.setColor(border);
            g.setStroke(new BasicStroke(1f));
            g.draw(card);
            for (Shape s : shapes) {
                if (s instanceof Rect r) {
                    g.setColor(r.fill());
                    g.fill(new Rectangle2D.Double(r.x(), r.y(), r.width(), r.height()));
                } else if (s instanceof Line l) {
                    g.setColor(l.stroke());
                    g.draw(new Line2D.Double(l.x1(), l.y1(), l.x2(), l.y2()));
                } else if (s instanceof Text t) {
                    drawText(g, t);
                }
            }
        } catch (InternalError | UnsatisfiedLinkError | NullPointerException e) {
            // What AWT throws when fontconfig finds no fonts at all.
            throw new IllegalStateException("cannot draw chart text into a PNG: Java2D finds no usable font here"
                    + " (install fonts, e.g. fonts-dejavu-core), or save the chart as .svg: " + e, e);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JDK");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart as PNG", e);
        }
    }

    private static void drawText(Graphics2D g, Text t) {
        Font font = new Font(Font.SANS_SERIF, t.bold() ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) t.size());
        g.setFont(font);
        g.setColor(t.fill());
        double w = font.getStringBounds(t.text(), g.getFontRenderContext()).getWidth();
        double x = switch (t.anchor()) {
            case START -> t.x();
            case MIDDLE -> t.x() - w / 2;
            case END -> t.x() - w;
        };
        g.drawString(t.text(), (float) x, (float) t.y());
    }

    // ------------------------------------------------------------------ text metrics

    /**
     * An estimate of how wide {@code text} is in a common sans-serif at {@code size} pixels (Helvetica
     * widths by character class), slightly generous so layouts leave room for wider fonts.
     */
    static double textWidth(String text, double size, boolean bold) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLowSurrogate(c)) {
                continue;
            }
            em += charWidth(c);
        }
        return em * size * (bold ? 1.14 : 1.08);
    }

    private static double charWidth(char c) {
        if ("il.,:;|!'`".indexOf(c) >= 0) {
            return 0.25;
        } else if ("fjtrI()[]{}/\\\" -".indexOf(c) >= 0) {
            return 0.36;
        } else if ("mwMW%@".indexOf(c) >= 0) {
            return 0.88;
        } else if (c >= '0' && c <= '9' || c == '$' || c == '#' || c == '?') {
            return 0.56;
        } else if (c >= 'A' && c <= 'Z') {
            return 0.68;
        } else if (c >= 0x2E80) {
            return 1.0; // CJK and other wide scripts
        }
        return 0.55;
    }

    /** {@code text} cut with an ellipsis to fit {@code max} pixels at {@code size}. */
    static String fit(String text, double max, double size, boolean bold) {
        if (textWidth(text, size, bold) <= max) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && textWidth(cut + "…", size, bold) > max) {
            cut = cut.substring(0, cut.length() - 1);
            if (Character.isHighSurrogate(cut.charAt(cut.length() - 1))) {
                cut = cut.substring(0, cut.length() - 1);
            }
        }
        return cut.strip() + "…";
    }
}
