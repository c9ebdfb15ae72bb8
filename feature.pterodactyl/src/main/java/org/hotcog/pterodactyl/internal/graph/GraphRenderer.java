package org.hotcog.pterodactyl.internal.graph;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.SimpleDateFormat;
import java.util.List;
import java.util.TimeZone;

import javax.imageio.ImageIO;

import org.hotcog.pterodactyl.internal.live.History;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.time.Millisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * A server's CPU and memory history as a PNG: two stacked area charts sharing the time axis, in the colours of
 * Discord's dark theme so that the image sits well in an embed. Rendered off-screen (headless AWT).
 */
public final class GraphRenderer {
    public static final int WIDTH = 800;
    public static final int HEIGHT = 450;
    private static final Color BACKGROUND = new Color(0x2B2D31);
    private static final Color PLOT = new Color(0x313338);
    private static final Color GRID = new Color(0x4E5058);
    private static final Color TEXT = new Color(0xDBDEE1);
    private static final Color CPU = new Color(0x5865F2);
    private static final Color MEMORY = new Color(0x57F287);

    private GraphRenderer() {
    }

    /**
     * @param cpuLimit the highest CPU value to show, in percent of the server's limit (100), or more when it ran above
     * @param memoryLimitMb the memory limit in MiB, or 0 when unlimited
     */
    public static byte[] png(String title, List<History.Sample> samples, double cpuLimit, long memoryLimitMb) {
        TimeSeries cpu = new TimeSeries("CPU");
        TimeSeries memory = new TimeSeries("Memory");
        for (History.Sample sample : samples) {
            Millisecond at = new Millisecond(new java.util.Date(sample.atMillis()));
            cpu.addOrUpdate(at, sample.cpu());
            memory.addOrUpdate(at, sample.memoryBytes() / (1024.0 * 1024.0));
        }
        DateAxis time = new DateAxis();
        SimpleDateFormat format = new SimpleDateFormat("HH:mm:ss");
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        time.setDateFormatOverride(format);
        style(time);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(12);
        double cpuTop = Math.max(cpuLimit, samples.stream().mapToDouble(History.Sample::cpu).max().orElse(0) * 1.1);
        plot.add(subplot(cpu, "CPU (% of limit)", CPU, cpuTop), 1);
        double memoryTop = memoryLimitMb > 0 ? memoryLimitMb
                : Math.max(1, samples.stream().mapToLong(History.Sample::memoryBytes).max().orElse(0) / 1048576.0 * 1.1);
        plot.add(subplot(memory, "Memory (MiB)", MEMORY, memoryTop), 1);
        plot.setBackgroundPaint(BACKGROUND);
        JFreeChart chart = new JFreeChart(null, new Font(Font.SANS_SERIF, Font.BOLD, 18), plot, false);
        chart.setTitle(new TextTitle(title, new Font(Font.SANS_SERIF, Font.BOLD, 18), TEXT,
                TextTitle.DEFAULT_POSITION, TextTitle.DEFAULT_HORIZONTAL_ALIGNMENT, TextTitle.DEFAULT_VERTICAL_ALIGNMENT,
                TextTitle.DEFAULT_PADDING));
        chart.setBackgroundPaint(BACKGROUND);
        chart.setAntiAlias(true);
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding in memory failed", e);
        }
        return out.toByteArray();
    }

    private static XYPlot subplot(TimeSeries series, String label, Color colour, double top) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(0, top);
        style(axis);
        XYAreaRenderer renderer = new XYAreaRenderer(XYAreaRenderer.AREA);
        renderer.setSeriesPaint(0, new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 110));
        renderer.setSeriesOutlinePaint(0, colour);
        renderer.setOutline(true);
        renderer.setSeriesOutlineStroke(0, new BasicStroke(2f));
        XYPlot plot = new XYPlot(new TimeSeriesCollection(series), null, axis, renderer);
        plot.setBackgroundPaint(PLOT);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        return plot;
    }

    private static void style(org.jfree.chart.axis.Axis axis) {
        axis.setLabelPaint(TEXT);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(GRID);
        axis.setTickMarkPaint(GRID);
        axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    }
}
