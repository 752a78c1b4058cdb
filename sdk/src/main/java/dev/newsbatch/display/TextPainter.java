package dev.newsbatch.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Draws chart text. The JDK's fonts are used when the machine has any; otherwise (a container
 * without fontconfig fonts, where AWT text throws) a built-in pixel font keeps charts readable.
 * Setting the system property {@code newsbatch.charts.pixelFont=true} forces the pixel font.
 */
interface TextPainter {
    /** Width of {@code text} in pixels. */
    int width(String text, boolean title);

    /** Line height in pixels. */
    int lineHeight(boolean title);

    /** Draws {@code text} with its top-left corner at (x, y). */
    void draw(Graphics2D g, String text, int x, int y, Color colour, boolean title);

    /** The JDK's fonts if they work here, else the pixel font. */
    static TextPainter best() {
        return Holder.BEST;
    }

    /** The built-in pixel font. */
    static TextPainter pixel() {
        return new PixelFont(2);
    }

    /** Decides once per JVM which painter works. */
    final class Holder {
        static final TextPainter BEST = choose();

        private Holder() {}

        private static TextPainter choose() {
            if (Boolean.getBoolean("newsbatch.charts.pixelFont")) {
                return pixel();
            }
            try {
                AwtText awt = new AwtText();
                BufferedImage probe = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = probe.createGraphics();
                try {
                    awt.draw(g, "Ag 42%", 0, 0, Color.WHITE, false);
                } finally {
                    g.dispose();
                }
                return awt.width("Sentiment", false) > 0 ? awt : pixel();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (RuntimeException | Error e) {
                // AWT without usable fonts fails with InternalError, UnsatisfiedLinkError or NPE.
                return pixel();
            }
        }
    }

    /** Text in the JDK's sans-serif font. */
    final class AwtText implements TextPainter {
        private final Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        private final Font bold = new Font(Font.SANS_SERIF, Font.BOLD, 16);
        private final FontMetrics plainMetrics;
        private final FontMetrics boldMetrics;

        AwtText() {
            Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                plainMetrics = g.getFontMetrics(plain);
                boldMetrics = g.getFontMetrics(bold);
            } finally {
                g.dispose();
            }
        }

        @Override
        public int width(String text, boolean title) {
            return (title ? boldMetrics : plainMetrics).stringWidth(text);
        }

        @Override
        public int lineHeight(boolean title) {
            return (title ? boldMetrics : plainMetrics).getHeight();
        }

        @Override
        public void draw(Graphics2D g, String text, int x, int y, Color colour, boolean title) {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(title ? bold : plain);
            g.setColor(colour);
            g.drawString(text, x, y + (title ? boldMetrics : plainMetrics).getAscent());
        }
    }
}
