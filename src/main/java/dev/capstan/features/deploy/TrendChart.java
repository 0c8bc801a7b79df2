package dev.capstan.features.deploy;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws the trend of each environment as a PNG with Java2D (headless, no display needed): one panel an environment,
 * a stacked bar a stretch of the period, successes in green and failed changes in red.
 */
final class TrendChart {
    static final int WIDTH = 720;
    private static final int PANEL = 150;
    private static final int MARGIN = 40;
    private static final Color SUCCESS = new Color(0x2e, 0xb6, 0x7d);
    private static final Color FAILED = new Color(0xe0, 0x1e, 0x5a);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private TrendChart() {
    }

    /** The chart of these environments' figures, as PNG bytes. */
    static byte[] png(String title, List<DeliveryFigures> environments) {
        int height = 50 + PANEL * Math.max(1, environments.size());
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, MARGIN, 28);
            for (int i = 0; i < environments.size(); i++) panel(g, environments.get(i), 50 + i * PANEL);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void panel(Graphics2D g, DeliveryFigures f, int top) {
        int plotTop = top + 24;
        int plotBottom = top + PANEL - 30;
        int plotWidth = WIDTH - 2 * MARGIN;
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(f.environment() + "  (" + f.successes() + " ok, " + f.failedChanges() + " failed)", MARGIN, top + 14);
        g.setColor(Color.LIGHT_GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawLine(MARGIN, plotBottom, MARGIN + plotWidth, plotBottom);
        List<DeliveryFigures.Bucket> buckets = f.trend();
        int most = Math.max(1, buckets.stream().mapToInt(b -> b.successes() + b.failedChanges()).max().orElse(0));
        int slot = plotWidth / Math.max(1, buckets.size());
        int bar = Math.max(2, slot * 2 / 3);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i < buckets.size(); i++) {
            DeliveryFigures.Bucket b = buckets.get(i);
            int x = MARGIN + i * slot + (slot - bar) / 2;
            int okHeight = (plotBottom - plotTop) * b.successes() / most;
            int badHeight = (plotBottom - plotTop) * b.failedChanges() / most;
            g.setColor(SUCCESS);
            g.fillRect(x, plotBottom - okHeight, bar, okHeight);
            g.setColor(FAILED);
            g.fillRect(x, plotBottom - okHeight - badHeight, bar, badHeight);
            if (buckets.size() <= 16 || i % 2 == 0) {
                g.setColor(Color.GRAY);
                g.drawString(DAY.format(b.start()), x, plotBottom + 14);
            }
        }
    }
}
