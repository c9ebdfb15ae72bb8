package org.hotcog.ai.internal.provider;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads one streamed answer line by line, passes its text to the sink and keeps what the end of the answer
 * reports. One instance per answer; lines come one at a time.
 */
abstract class StreamDecoder {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final StringBuilder text = new StringBuilder();
    private Usage usage = Usage.UNKNOWN;
    private String finishReason;
    private boolean done;

    /**
     * @param line one line of the body, without its line end
     * @param sink where the text goes
     * @throws ChunkException if the line ends the answer in failure
     */
    abstract void line(String line, StreamSink sink) throws ChunkException;

    /**
     * Called when the body has ended.
     *
     * @param sink where the text goes
     * @throws ChunkException if what was left ends the answer in failure
     */
    void end(StreamSink sink) throws ChunkException {
    }

    /** Whether the provider's end of answer came ({@link #markDone()} unless a format knows better). */
    boolean complete() {
        return done;
    }

    /** The provider's end of answer came. */
    final void markDone() {
        done = true;
    }

    /** The text so far. */
    final String text() {
        return text.toString();
    }

    final Usage usage() {
        return usage;
    }

    final String finishReason() {
        return finishReason;
    }

    final void append(String delta, StreamSink sink) {
        if (delta != null && !delta.isEmpty()) {
            text.append(delta);
            sink.onText(delta);
        }
    }

    final void usage(Usage reported) {
        this.usage = reported;
    }

    final void finishReason(String reason) {
        this.finishReason = reason;
    }

    /**
     * @param json one chunk's JSON
     * @return it parsed, an object
     * @throws ChunkException if it is not a JSON object
     */
    static JsonNode parse(String json) throws ChunkException {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw ChunkException.malformed("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw ChunkException.malformed("not JSON");
        }
    }

    /** @return the count, or -1 when the node is not a number */
    static int count(JsonNode node) {
        return node.isNumber() ? node.asInt() : -1;
    }
}
