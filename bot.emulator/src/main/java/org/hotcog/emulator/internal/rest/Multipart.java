package org.hotcog.emulator.internal.rest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A parsed {@code multipart/form-data} body as Discord accepts it: {@code payload_json} and {@code files[n]}. */
record Multipart(String payloadJson, List<RestRequest.UploadedFile> files) {

    static Multipart parse(byte[] body, String contentType) {
        String boundary = null;
        for (String part : contentType.split(";")) {
            String trimmed = part.trim();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                boundary = trimmed.substring("boundary=".length()).replace("\"", "");
            }
        }
        if (boundary == null) {
            throw new IllegalArgumentException("multipart body without boundary");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        String payloadJson = null;
        List<RestRequest.UploadedFile> files = new ArrayList<>();
        int position = indexOf(body, delimiter, 0);
        while (position >= 0) {
            int start = position + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            start += 2; // CRLF after the delimiter
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                break;
            }
            int end = next - 2; // CRLF before the next delimiter
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            if (headerEnd < 0 || headerEnd > end) {
                throw new IllegalArgumentException("multipart part without headers");
            }
            String headers = new String(body, start, headerEnd - start, StandardCharsets.UTF_8);
            byte[] content = Arrays.copyOfRange(body, headerEnd + 4, end);
            String name = attribute(headers, "name");
            String filename = attribute(headers, "filename");
            if ("payload_json".equals(name)) {
                payloadJson = new String(content, StandardCharsets.UTF_8);
            } else if (name != null && name.startsWith("files[") && name.endsWith("]")) {
                int index = Integer.parseInt(name.substring(6, name.length() - 1));
                files.add(new RestRequest.UploadedFile(index, filename == null ? "file" + index : filename,
                        headerValue(headers, "content-type"), content));
            }
            position = next;
        }
        return new Multipart(payloadJson, files);
    }

    private static String attribute(String headers, String key) {
        String marker = " " + key + "=\"";
        int at = headers.indexOf(marker);
        if (at < 0) {
            marker = ";" + key + "=\"";
            at = headers.indexOf(marker);
        }
        if (at < 0) {
            return null;
        }
        int from = at + marker.length();
        int to = headers.indexOf('"', from);
        return to < 0 ? null : headers.substring(from, to);
    }

    private static String headerValue(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "application/octet-stream";
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
