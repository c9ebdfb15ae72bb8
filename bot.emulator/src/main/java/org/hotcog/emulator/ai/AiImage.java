package org.hotcog.emulator.ai;

/**
 * An image a client sent with a turn.
 *
 * @param mimeType the type the client declared ({@code image/png}...); for Ollama, which sends bare base64, the
 *     type recognised from the bytes, or {@code application/octet-stream}
 * @param data the decoded bytes
 */
public record AiImage(String mimeType, byte[] data) {
}
