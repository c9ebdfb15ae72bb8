package org.hotcog.emulator.internal.ws;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.Deflater;

/**
 * One server-side WebSocket connection: handshake, frame parsing (masking, fragmentation, ping/pong, close) and
 * sending, optionally through one continuous zlib stream as Discord's {@code compress=zlib-stream} asks.
 */
public final class WebSocketConnection {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    /** Larger messages are refused with 1009; gateway payloads from a client are small. */
    private static final int MAX_MESSAGE = 1 << 20;

    private final Socket socket;
    private final WebSocketHandler handler;
    private final Consumer<WebSocketConnection> onEnd;
    private final Object writeLock = new Object();
    private OutputStream out;
    private Map<String, String> query = Map.of();
    private String path = "/";
    private Deflater deflater;
    private byte[] deflateBuffer;
    private volatile boolean closeSent;
    private volatile boolean ended;

    WebSocketConnection(Socket socket, WebSocketHandler handler, Consumer<WebSocketConnection> onEnd) {
        this.socket = socket;
        this.handler = handler;
        this.onEnd = onEnd;
    }

    /** The query parameters of the handshake request, e.g. {@code encoding}, {@code v}, {@code compress}. */
    public Map<String, String> query() {
        return query;
    }

    /** The raw path of the handshake request, such as {@code /api/servers/<uuid>/ws}. */
    public String path() {
        return path;
    }

    /**
     * Turns on zlib-stream compression for every later message: each is deflated into the connection's single zlib
     * stream and flushed, so it ends with 00 00 FF FF, and sent as a binary frame.
     */
    public void enableZlibStream() {
        synchronized (writeLock) {
            deflater = new Deflater();
            deflateBuffer = new byte[8192];
        }
    }

    void run() {
        int code = 1006;
        try {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16384);
            out = new BufferedOutputStream(socket.getOutputStream(), 16384);
            if (!handshake(in)) {
                return;
            }
            handler.onOpen(this);
            code = readLoop(in);
        } catch (IOException e) {
            code = 1006;
        } finally {
            end(code);
        }
    }

    private boolean handshake(InputStream in) throws IOException {
        String head = readHead(in);
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        String key = headers.get("sec-websocket-key");
        if (requestLine.length < 2 || !"GET".equals(requestLine[0]) || key == null
                || !"websocket".equalsIgnoreCase(headers.getOrDefault("upgrade", ""))) {
            out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return false;
        }
        URI target = URI.create(requestLine[1]);
        query = parseQuery(target.getRawQuery());
        path = target.getRawPath();
        String accept;
        try {
            accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return true;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed during handshake");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > 16384) {
                throw new IOException("handshake too large");
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> result = new HashMap<>();
        if (raw == null) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                result.put(pair.substring(0, eq), pair.substring(eq + 1));
            } else if (!pair.isEmpty()) {
                result.put(pair, "");
            }
        }
        return result;
    }

    private int readLoop(InputStream in) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        boolean inMessage = false;
        while (true) {
            int b0 = in.read();
            int b1 = in.read();
            if (b0 < 0 || b1 < 0) {
                return 1006;
            }
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0F;
            boolean masked = (b1 & 0x80) != 0;
            long length = b1 & 0x7F;
            if (length == 126) {
                length = (readByte(in) << 8) | readByte(in);
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | readByte(in);
                }
            }
            if (!masked) {
                // RFC 6455 5.1: a server must close the connection on an unmasked client frame
                close(1002, "frames from a client must be masked");
                return 1002;
            }
            if (length > MAX_MESSAGE || message.size() + length > MAX_MESSAGE) {
                close(1009, "message too big");
                return 1009;
            }
            byte[] mask = in.readNBytes(4);
            byte[] payload = in.readNBytes((int) length);
            if (payload.length != length || mask.length != 4) {
                return 1006;
            }
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
            switch (opcode) {
                case 0x0 -> {
                    if (!inMessage) {
                        close(1002, "continuation without a message");
                        return 1002;
                    }
                    message.write(payload);
                }
                case 0x1, 0x2 -> {
                    if (inMessage) {
                        close(1002, "new message inside a fragmented one");
                        return 1002;
                    }
                    inMessage = true;
                    message.write(payload);
                }
                case 0x8 -> {
                    int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                    close(code == 1005 ? 1000 : code, "");
                    return code;
                }
                case 0x9 -> sendFrame(0xA, payload, payload.length);
                case 0xA -> {
                    // unsolicited pong: nothing to do
                }
                default -> {
                    close(1002, "unknown opcode");
                    return 1002;
                }
            }
            if (fin && inMessage && opcode <= 0x2) {
                String text = message.toString(StandardCharsets.UTF_8);
                message.reset();
                inMessage = false;
                handler.onMessage(this, text);
            }
        }
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    /**
     * Sends one message: a text frame, or a binary frame of the zlib stream when compression is on.
     *
     * @param utf8 the message's UTF-8 bytes
     * @return false if the connection is already closed
     */
    public boolean send(byte[] utf8) {
        synchronized (writeLock) {
            if (closeSent || ended) {
                return false;
            }
            try {
                if (deflater == null) {
                    writeFrame(0x1, utf8, utf8.length);
                } else {
                    deflater.setInput(utf8);
                    ByteArrayOutputStream compressed = new ByteArrayOutputStream(utf8.length / 2 + 16);
                    int n;
                    do {
                        n = deflater.deflate(deflateBuffer, 0, deflateBuffer.length, Deflater.SYNC_FLUSH);
                        compressed.write(deflateBuffer, 0, n);
                    } while (n == deflateBuffer.length);
                    writeFrame(0x2, compressed.toByteArray(), compressed.size());
                }
                out.flush();
                return true;
            } catch (IOException e) {
                abort();
                return false;
            }
        }
    }

    private void sendFrame(int opcode, byte[] payload, int length) throws IOException {
        synchronized (writeLock) {
            if (closeSent) {
                return;
            }
            writeFrame(opcode, payload, length);
            out.flush();
        }
    }

    private void writeFrame(int opcode, byte[] payload, int length) throws IOException {
        out.write(0x80 | opcode);
        if (length < 126) {
            out.write(length);
        } else if (length < 65536) {
            out.write(126);
            out.write(length >>> 8);
            out.write(length);
        } else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) length >>> shift));
            }
        }
        out.write(payload, 0, length);
    }

    /**
     * Sends a close frame and closes the socket, as Discord does when it ends a session (e.g. 4004 on a bad
     * token).
     *
     * @param code the close code
     * @param reason a short reason
     */
    public void close(int code, String reason) {
        synchronized (writeLock) {
            if (!closeSent && !ended && out != null) {
                byte[] text = reason.getBytes(StandardCharsets.UTF_8);
                byte[] payload = new byte[2 + Math.min(text.length, 120)];
                payload[0] = (byte) (code >>> 8);
                payload[1] = (byte) code;
                System.arraycopy(text, 0, payload, 2, payload.length - 2);
                try {
                    writeFrame(0x8, payload, payload.length);
                    out.flush();
                } catch (IOException ignored) {
                    // the peer is gone already; closing the socket below is all that is left
                }
            }
            closeSent = true;
        }
        abort();
    }

    /** Closes the socket without a close frame, as a network failure would. */
    public void abort() {
        closeSent = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    private void end(int code) {
        abort();
        synchronized (writeLock) {
            if (ended) {
                return;
            }
            ended = true;
            if (deflater != null) {
                deflater.end();
            }
        }
        onEnd.accept(this);
        handler.onClose(this, code);
    }
}
