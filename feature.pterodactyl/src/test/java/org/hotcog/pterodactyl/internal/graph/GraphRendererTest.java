package org.hotcog.pterodactyl.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.hotcog.pterodactyl.internal.live.History;
import org.junit.jupiter.api.Test;

/** Graphs decode as PNGs of the expected size and use the dark theme. */
class GraphRendererTest {
    @Test
    void rendersADarkPngOfTheExpectedSize() throws Exception {
        History history = new History(Duration.ofMinutes(10));
        long start = 1_700_000_000_000L;
        for (int i = 0; i < 120; i++) {
            history.add(start + i * 5_000L, 40 + 30 * Math.sin(i / 10.0), (1500L + i * 10) << 20);
        }
        byte[] png = GraphRenderer.png("Survival", history.samples(), 100, 4096);
        Files.write(Path.of("target", "graph.png"), png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(GraphRenderer.WIDTH);
        assertThat(image.getHeight()).isEqualTo(GraphRenderer.HEIGHT);
        // the corner is the dark background, not JFreeChart's default white
        assertThat(image.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0x2B2D31);
    }

    @Test
    void theHistoryKeepsItsWindowOnly() {
        History history = new History(Duration.ofMinutes(10));
        history.add(0, 10, 1);
        history.add(5 * 60_000L, 20, 2);
        history.add(11 * 60_000L, 30, 3);
        assertThat(history.samples()).extracting(History.Sample::cpu).containsExactly(20.0, 30.0);
    }

    @Test
    void anEmptyHistoryStillRenders() throws Exception {
        byte[] png = GraphRenderer.png("Lobby", java.util.List.of(), 100, 0);
        assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(GraphRenderer.WIDTH);
    }
}
