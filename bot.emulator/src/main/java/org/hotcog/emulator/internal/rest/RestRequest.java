package org.hotcog.emulator.internal.rest;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One parsed REST request as a route handler sees it.
 *
 * @param method the HTTP method
 * @param route the route after {@code /api/v10/}, URL-decoded per segment
 * @param params the route's placeholders by name
 * @param query the query parameters
 * @param body the JSON body (or multipart {@code payload_json}); a missing node when there was none
 * @param files the multipart files in order of their field index
 * @param authorized whether the request carried the bot token
 * @param auditLogReason the URL-decoded {@code X-Audit-Log-Reason} header, or null
 */
public record RestRequest(String method, String route, Map<String, String> params, Map<String, String> query,
        JsonNode body, List<UploadedFile> files, boolean authorized, String auditLogReason) {

    /**
     * A file part of a multipart body.
     *
     * @param index the N of the field name {@code files[N]}
     * @param filename the file name
     * @param contentType the part's content type
     * @param data the bytes
     */
    public record UploadedFile(int index, String filename, String contentType, byte[] data) {
    }

    /** A route placeholder parsed as a snowflake; an unparsable one is an unknown entity (404 with the code). */
    public long id(String name, int unknownCode, String unknownMessage) {
        try {
            return Long.parseUnsignedLong(params.get(name));
        } catch (NumberFormatException e) {
            throw new RestException(404, unknownCode, unknownMessage, null);
        }
    }
}
