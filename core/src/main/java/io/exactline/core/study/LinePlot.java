package io.exactline.core.study;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.exactline.core.BadInputException;
import io.exactline.core.io.AtomicFiles;
import io.exactline.core.plane.PlaneImage;

/**
 * A line chart drawn with {@code java.awt}: one polyline with markers per series, a legend, grid lines; each axis
 * linear or logarithmic (grid at whole decades). Points that cannot be shown (non-finite, or non-positive on a log
 * axis) are skipped and break the polyline.
 *
 * @param title the chart title
 * @param xLabel the x axis label
 * @param yLabel the y axis label
 * @param series the series, coloured in order by {@link PlaneImage#categorical}
 * @param logX whether the x axis is logarithmic
 * @param logY whether the y axis is logarithmic
 */
public record LinePlot(String title, String xLabel, String yLabel, List<Series> series, boolean logX,
        boolean logY) {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;
    private static final int LEFT = 90;
    private static final int RIGHT = 220;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;

    /** One named series of points {@code (x_i, y_i)}. */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            if (x.length != y.length) {
                throw new BadInputException("series " + name + " has " + x.length + " x values and " + y.length
                        + " y values");
            }
            x = x.clone();
            y = y.clone();
        }
    }

    public LinePlot {
        series = List.copyOf(series);
    }

    /** Draws the chart. */
    public BufferedImage render() {
        double[] xRange = range(true);
        double[] yRange = range(false);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double tick : ticks(xRange, logX)) {
            int px = LEFT + (int) Math.round((tick - xRange[0]) / (xRange[1] - xRange[0]) * plotWidth);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(px, TOP, px, TOP + plotHeight);
            g.setColor(Color.BLACK);
            g.drawString(label(tick, logX), px - 12, TOP + plotHeight + 18);
        }
        for (double tick : ticks(yRange, logY)) {
            int py = TOP + plotHeight - (int) Math.round((tick - yRange[0]) / (yRange[1] - yRange[0]) * plotHeight);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(LEFT, py, LEFT + plotWidth, py);
            g.setColor(Color.BLACK);
            g.drawString(label(tick, logY), LEFT - 55, py + 4);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, plotWidth, plotHeight);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, LEFT, TOP - 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(xLabel, LEFT + plotWidth / 2 - 4 * xLabel.length(), HEIGHT - 25);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(yLabel, -(TOP + plotHeight / 2) - 4 * yLabel.length(), 25);
        rotated.dispose();
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            g.setColor(PlaneImage.categorical(k));
            g.setStroke(new BasicStroke(2f));
            int[] previous = null;
            for (int i = 0; i < s.x().length; i++) {
                if (!shown(s.x()[i], logX) || !shown(s.y()[i], logY)) {
                    previous = null;
                    continue;
                }
                double x = logX ? Math.log10(s.x()[i]) : s.x()[i];
                double y = logY ? Math.log10(s.y()[i]) : s.y()[i];
                int px = LEFT + (int) Math.round((x - xRange[0]) / (xRange[1] - xRange[0]) * plotWidth);
                int py = TOP + plotHeight - (int) Math.round((y - yRange[0]) / (yRange[1] - yRange[0]) * plotHeight);
                g.fillOval(px - 2, py - 2, 5, 5);
                if (previous != null) {
                    g.drawLine(previous[0], previous[1], px, py);
                }
                previous = new int[] {px, py};
            }
            int ly = TOP + 10 + 15 * k;
            g.drawLine(LEFT + plotWidth + 10, ly - 4, LEFT + plotWidth + 35, ly - 4);
            g.setColor(Color.BLACK);
            g.drawString(s.name(), LEFT + plotWidth + 40, ly);
        }
        g.dispose();
        return image;
    }

    /** Writes {@link #render()} to {@code file} as PNG. */
    public void writePng(Path file) throws IOException {
        AtomicFiles.writePng(file, render());
    }

    /**
     * The drawn range of one axis, in axis units (log10 on a log axis): whole decades covering the shown values on
     * a log axis, their minimum and maximum on a linear one.
     */
    private double[] range(boolean x) {
        boolean log = x ? logX : logY;
        List<Double> values = new ArrayList<>();
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (shown(s.x()[i], logX) && shown(s.y()[i], logY)) {
                    double v = x ? s.x()[i] : s.y()[i];
                    values.add(log ? Math.log10(v) : v);
                }
            }
        }
        if (values.isEmpty()) {
            return new double[] {0, 1};
        }
        double low = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double high = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        if (log) {
            low = Math.floor(low);
            high = Math.max(Math.ceil(high), low + 1);
        } else if (high - low < 1e-12 * Math.max(1, Math.abs(high))) {
            low -= 0.5;
            high += 0.5;
        }
        return new double[] {low, high};
    }

    /** Grid positions in axis units: whole decades on a log axis, five equal steps on a linear one. */
    private static List<Double> ticks(double[] range, boolean log) {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (double d = range[0]; d <= range[1]; d++) {
                ticks.add(d);
            }
        } else {
            for (int k = 0; k <= 5; k++) {
                ticks.add(range[0] + k * (range[1] - range[0]) / 5);
            }
        }
        return ticks;
    }

    private static boolean shown(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    private static String label(double tick, boolean log) {
        if (!log) {
            return String.format(Locale.ROOT, "%.3g", tick);
        }
        int decade = (int) Math.round(tick);
        return decade >= 0 && decade <= 4 ? String.format(Locale.ROOT, "%d", (long) Math.pow(10, decade))
                : "1e" + decade;
    }
}
