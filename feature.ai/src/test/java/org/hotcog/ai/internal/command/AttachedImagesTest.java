package org.hotcog.ai.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * Images attached to a message, fetched over HTTP as from Discord's CDN: the types every provider takes, up to a
 * size and a count; what is left out is named.
 */
class AttachedImagesTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

    private HttpServer cdn;
    private String base;

    @BeforeEach
    void start() throws IOException {
        cdn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cdn.createContext("/cat.png", exchange -> {
            exchange.sendResponseHeaders(200, PNG.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(PNG);
            }
        });
        cdn.createContext("/gone.png", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        cdn.start();
        base = "http://127.0.0.1:" + cdn.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        cdn.stop(0);
    }

    private AttachedImages.Source file(String path, String type, long size) {
        return new AttachedImages.Source(base + path, type, size);
    }

    @Test
    void imagesOfTheTypesProvidersTakeAreFetched() {
        AttachedImages.Fetched fetched = new AttachedImages().fetch(List.of(file("/cat.png", "image/png", 12),
                file("/notes.txt", "text/plain; charset=utf-8", 5)), 1_000);
        assertThat(fetched.images()).hasSize(1);
        assertThat(fetched.images().get(0).mimeType()).isEqualTo("image/png");
        assertThat(fetched.images().get(0).data()).isEqualTo(PNG);
        assertThat(fetched.leftOut()).isEmpty();
    }

    @Test
    void whatIsLeftOutIsNamed() {
        AttachedImages.Fetched fetched = new AttachedImages().fetch(List.of(file("/big.png", "image/png", 2_000_000),
                file("/pic.bmp", "image/bmp", 10), file("/gone.png", "image/png", 10),
                file("/cat.png", "image/png", 12), file("/cat.png", "image/png", 12), file("/cat.png", "image/png", 12),
                file("/cat.png", "image/png", 12), file("/cat.png", "image/png", 12)), 1_000_000);
        assertThat(fetched.images()).hasSize(AttachedImages.MAX_IMAGES);
        assertThat(fetched.leftOut()).containsExactly("an image over 1.0 MB",
                "an image of type image/bmp (PNG, JPEG, WebP and GIF are taken)", "an image that could not be fetched",
                "images after the first 4");
    }
}
