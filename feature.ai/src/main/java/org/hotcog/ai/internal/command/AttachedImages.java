package org.hotcog.ai.internal.command;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hotcog.ai.internal.conversation.Image;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the images attached to a Discord message for the model: only the types every provider takes, each up to
 * a size, a few per message; what is left out is said, so that the person knows the model did not see it.
 */
final class AttachedImages {

    private static final Logger LOG = LoggerFactory.getLogger(AttachedImages.class);
    /** The most images passed on from one message. */
    static final int MAX_IMAGES = 4;
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /**
     * An attachment as Discord describes it.
     *
     * @param url where to fetch it
     * @param contentType its type, as Discord says it (may be null)
     * @param size its size in bytes
     */
    record Source(String url, String contentType, long size) {
    }

    /**
     * @param images the images to pass on
     * @param leftOut what was not, for the person (empty when nothing was)
     */
    record Fetched(List<Image> images, List<String> leftOut) {
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /**
     * @param sources the message's attachments
     * @param maxBytes the largest image passed on
     * @return the images fetched and what was left out; never fails (a failed fetch is left out)
     */
    Fetched fetch(List<Source> sources, int maxBytes) {
        List<Image> images = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (Source source : sources) {
            String type = source.contentType() == null ? "" : source.contentType().split(";")[0].strip()
                    .toLowerCase(Locale.ROOT);
            if (!type.startsWith("image/")) {
                continue; // other files are not for the model and need no note
            }
            if (!Image.TYPES.contains(type)) {
                leftOut.add("an image of type " + type + " (PNG, JPEG, WebP and GIF are taken)");
            } else if (source.size() > maxBytes) {
                leftOut.add(String.format(Locale.ROOT, "an image over %.1f MB", maxBytes / 1_000_000.0));
            } else if (images.size() == MAX_IMAGES) {
                leftOut.add("images after the first " + MAX_IMAGES);
            } else {
                byte[] data = download(source.url(), maxBytes);
                if (data == null) {
                    leftOut.add("an image that could not be fetched");
                } else {
                    images.add(new Image(type, data));
                }
            }
        }
        return new Fetched(images, leftOut.stream().distinct().toList());
    }

    private byte[] download(String url, int maxBytes) {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            if (response.statusCode() / 100 != 2 || body.length == 0 || body.length > maxBytes) {
                LOG.info("An attached image was left out: HTTP {}, {} bytes", response.statusCode(), body.length);
                return null;
            }
            return body;
        } catch (IOException | IllegalArgumentException e) {
            LOG.info("An attached image could not be fetched: {}", e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
