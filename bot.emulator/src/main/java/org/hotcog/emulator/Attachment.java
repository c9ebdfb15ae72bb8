package org.hotcog.emulator;

/**
 * A file attached to a message, as the bot uploaded it or a member posted it.
 *
 * @param id the attachment's snowflake id
 * @param filename the file name the bot gave
 * @param contentType the content type the bot sent, or {@code application/octet-stream}
 * @param data the file's bytes (do not modify)
 */
public record Attachment(long id, String filename, String contentType, byte[] data) {
}
