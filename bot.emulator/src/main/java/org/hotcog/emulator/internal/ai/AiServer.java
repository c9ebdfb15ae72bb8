package org.hotcog.emulator.internal.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import org.hotcog.emulator.ai.AiFault;
import org.hotcog.emulator.ai.AiRequest;
import org.hotcog.emulator.ai.AiTurn;
import org.hotcog.emulator.internal.http.LoopbackHttp;
import org.hotcog.emulator.internal.rest.RouteTable;

/**
 * The local AI providers: one loopback HTTP server that answers the routes of all three wire formats, from one set
 * of models, scripted answers, injected faults and one record of requests.
 */
public final class AiServer implements AutoCloseable {

    /** Tokens split after whitespace: one word with the spaces after it is one completion token. */
    private static final Pattern TOKEN_BOUNDARY = Pattern.compile("(?<=\\s)(?=\\S)");
    private static final Pattern GEMINI_CHAT = Pattern.compile("/v1beta/models/([^/:]+):(streamGenerateContent|generateContent)");
    /** How many characters the local models count as one prompt token, and what an image costs. */
    private static final int CHARS_PER_TOKEN = 4;
    private static final int TOKENS_PER_IMAGE = 85;
    /** Streams hold a thread each while they wait between tokens; this many may run at once. */
    private static final int THREADS = 64;

    private final ObjectMapper mapper = new ObjectMapper();
    private final LoopbackHttp http;
    private final String apiKey;
    private final Map<String, Boolean> models = new LinkedHashMap<>();
    private final Queue<String> scripted = new ConcurrentLinkedQueue<>();
    private final Queue<AiFault> faults = new ConcurrentLinkedQueue<>();
    private final List<AiRequest> received = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger abandoned = new java.util.concurrent.atomic.AtomicInteger();
    private final Dialect openAi = new OpenAiDialect(mapper);
    private final Dialect ollama = new OllamaDialect(mapper);
    private final Dialect gemini = new GeminiDialect(mapper);
    private volatile Function<AiRequest, String> responder = AiServer::describe;
    private volatile Duration tokenDelay = Duration.ZERO;

    private AiServer(LoopbackHttp http, String apiKey) {
        this.http = http;
        this.apiKey = apiKey;
    }

    /**
     * Starts serving on an ephemeral port with a fresh key and the models {@code local-chat} (text) and
     * {@code local-vision} (text and images).
     *
     * @return the running server
     */
    public static AiServer start() {
        AiServer server = new AiServer(LoopbackHttp.open("local-ai", THREADS),
                "sk-local-" + UUID.randomUUID().toString().replace("-", ""));
        server.addModel("local-chat", false);
        server.addModel("local-vision", true);
        server.http.serve(server::handle);
        return server;
    }

    /** {@code http://127.0.0.1:port}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + http.port();
    }

    /** The key the OpenAI and Gemini routes accept. */
    public String apiKey() {
        return apiKey;
    }

    /**
     * @param name the model's name
     * @param acceptsImages whether requests with images are answered (else refused as the provider does)
     */
    public void addModel(String name, boolean acceptsImages) {
        synchronized (models) {
            models.put(name, acceptsImages);
        }
    }

    /** @return the models by name, true for those that accept images */
    public Map<String, Boolean> models() {
        synchronized (models) {
            return new LinkedHashMap<>(models);
        }
    }

    /** @param text the answer to the next answered chat request, before the responder's */
    public void answerNext(String text) {
        scripted.add(text);
    }

    /** @param responder makes the answer of each chat request without a scripted one */
    public void responder(Function<AiRequest, String> responder) {
        this.responder = responder;
    }

    /** @param delay the pause between two streamed frames */
    public void tokenDelay(Duration delay) {
        this.tokenDelay = delay;
    }

    /** @param fault the failure of the next request (chat or model list) */
    public void failNext(AiFault fault) {
        faults.add(fault);
    }

    /** @return the chat requests received, oldest first */
    public List<AiRequest> requests() {
        return List.copyOf(received);
    }

    /** @return the streams whose client closed the connection before their end */
    public int abandonedStreams() {
        return abandoned.get();
    }

    /** Forgets the requests received, scripted answers and faults not yet used, and the streams abandoned. */
    public void reset() {
        abandoned.set(0);
        received.clear();
        scripted.clear();
        faults.clear();
    }

    /**
     * @param text an answer
     * @return its pieces as streamed: one word with its trailing spaces each
     */
    public static List<String> tokens(String text) {
        return text.isEmpty() ? List.of() : List.of(TOKEN_BOUNDARY.split(text));
    }

    /** The default answer: says what it was asked, so a conversation in the demo shows what the model saw. */
    static String describe(AiRequest request) {
        StringBuilder answer = new StringBuilder("You said: \"").append(request.lastUserText()).append("\".");
        long images = request.turns().stream().mapToLong(turn -> turn.images().size()).sum();
        if (images > 0) {
            answer.append(" I see ").append(images).append(images == 1 ? " image." : " images.");
        }
        long earlier = request.turns().stream().filter(turn -> turn.role().equals("user")).count() - 1;
        if (earlier > 0) {
            answer.append(" Before that you wrote ").append(earlier).append(earlier == 1 ? " message." : " messages.");
        }
        if (request.systemPrompt() != null) {
            answer.append(" My instructions: \"").append(request.systemPrompt()).append("\".");
        }
        return answer.append(" (").append(request.model()).append(", a local model)").toString();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        Map<String, String> query = RouteTable.query(exchange.getRequestURI().getRawQuery());
        Matcher geminiChat = GEMINI_CHAT.matcher(path);
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (method.equals("POST") && path.equals("/v1/chat/completions")) {
                chat(exchange, openAi, body, query, null, false);
            } else if (method.equals("POST") && path.equals("/api/chat")) {
                chat(exchange, ollama, body, query, null, false);
            } else if (method.equals("POST") && geminiChat.matches()) {
                boolean streamRoute = geminiChat.group(2).equals("streamGenerateContent");
                chat(exchange, gemini, body, query, geminiChat.group(1), streamRoute);
            } else if (method.equals("GET") && path.equals("/v1/models")) {
                list(exchange, openAi, query);
            } else if (method.equals("GET") && path.equals("/api/tags")) {
                list(exchange, ollama, query);
            } else if (method.equals("GET") && path.equals("/v1beta/models")) {
                list(exchange, gemini, query);
            } else {
                byte[] notFound = "404 page not found".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(404, notFound.length);
                exchange.getResponseBody().write(notFound);
            }
        } catch (CutStream e) {
            // Leaving the exchange open makes the server drop the connection mid-body: the client sees a cut
            throw e;
        } catch (IOException e) {
            // the client went away (its timeout, or it stopped reading): nothing left to answer
            exchange.close();
            return;
        }
        exchange.close();
    }

    private void list(HttpExchange exchange, Dialect dialect, Map<String, String> query) throws IOException {
        AiFault fault = faults.poll();
        ErrorAnswer refusal = fault == null ? null : refusal(dialect, fault);
        if (fault != null && fault.kind() == AiFault.Kind.SLOW_FIRST_BYTE) {
            pause(fault.delay());
        }
        if (refusal == null) {
            Problem keyProblem = dialect.checkKey(exchange.getRequestHeaders(), query, apiKey);
            refusal = keyProblem == null ? null : dialect.error(keyProblem);
        }
        if (refusal != null) {
            send(exchange, refusal);
            return;
        }
        try {
            sendJson(exchange, 200, Map.of(), dialect.models(models(), query));
        } catch (IllegalArgumentException e) {
            send(exchange, dialect.error(Problem.of(Problem.Type.BAD_REQUEST, e.getMessage())));
        }
    }

    private void chat(HttpExchange exchange, Dialect dialect, byte[] raw, Map<String, String> query, String pathModel,
            boolean streamRoute) throws IOException {
        Call call;
        try {
            call = dialect.parse(mapper.readTree(raw), pathModel, streamRoute);
        } catch (IOException e) {
            send(exchange, dialect.error(Problem.of(Problem.Type.BAD_REQUEST, "invalid JSON body")));
            return;
        } catch (IllegalArgumentException e) {
            send(exchange, dialect.error(Problem.of(Problem.Type.BAD_REQUEST, e.getMessage())));
            return;
        }
        AiRequest request = new AiRequest(dialect.format(), call.model(), call.systemPrompt(), call.turns(),
                call.stream(), headers(exchange), new String(raw, StandardCharsets.UTF_8), promptTokens(call));
        received.add(request);
        AiFault fault = faults.poll();
        ErrorAnswer refusal = fault == null ? null : refusal(dialect, fault);
        if (fault != null && fault.kind() == AiFault.Kind.SLOW_FIRST_BYTE) {
            pause(fault.delay());
        }
        if (refusal == null) {
            refusal = checks(exchange, dialect, query, call);
        }
        if (refusal != null) {
            send(exchange, refusal);
            return;
        }
        String text = scripted.poll();
        List<String> tokens = tokens(text != null ? text : responder.apply(request));
        boolean truncated = call.maxTokens() > 0 && tokens.size() > call.maxTokens();
        Answer answer = new Answer(answerId(dialect), truncated ? tokens.subList(0, call.maxTokens()) : tokens,
                truncated, request.promptTokens());
        if (!call.stream()) {
            sendJson(exchange, 200, Map.of(), dialect.whole(call, answer));
        } else if (dialect == gemini && !"sse".equals(query.get("alt"))) {
            // without alt=sse Gemini streams one JSON array of responses; it is sent here in one piece
            List<JsonNode> array = new ArrayList<>();
            for (String payload : dialect.payloads(call, answer)) {
                array.add(mapper.readTree(payload));
            }
            sendJson(exchange, 200, Map.of(), mapper.valueToTree(array));
        } else {
            stream(exchange, dialect, dialect.payloads(call, answer), fault);
        }
    }

    private ErrorAnswer checks(HttpExchange exchange, Dialect dialect, Map<String, String> query, Call call) {
        Problem keyProblem = dialect.checkKey(exchange.getRequestHeaders(), query, apiKey);
        if (keyProblem != null) {
            return dialect.error(keyProblem);
        }
        Boolean acceptsImages = models().get(call.model());
        if (acceptsImages == null) {
            return dialect.error(Problem.of(Problem.Type.MODEL_NOT_FOUND, call.model()));
        }
        if (call.hasImages() && !acceptsImages) {
            return dialect.error(Problem.of(Problem.Type.IMAGES_REFUSED, call.model()));
        }
        return null;
    }

    private static ErrorAnswer refusal(Dialect dialect, AiFault fault) {
        return switch (fault.kind()) {
            case UNAUTHORIZED -> dialect.error(Problem.of(Problem.Type.BAD_KEY, "sk-refused-by-the-test"));
            case RATE_LIMITED -> dialect.error(Problem.of(Problem.Type.RATE_LIMITED,
                    Long.toString(fault.delay().toSeconds())));
            case SERVER_ERROR -> dialect.error(new Problem(Problem.Type.SERVER_ERROR, fault.status(), null));
            default -> null;
        };
    }

    private void stream(HttpExchange exchange, Dialect dialect, List<String> payloads, AiFault fault)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", dialect.streamType());
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        AiFault.Kind kind = fault == null ? null : fault.kind();
        for (int i = 0; i < payloads.size(); i++) {
            boolean faultHere = fault != null && i == fault.afterChunks();
            if (faultHere && kind == AiFault.Kind.CUT_STREAM) {
                out.flush();
                throw new CutStream();
            }
            if (faultHere && kind == AiFault.Kind.STALL) {
                pause(fault.delay());
            } else if (i > 0) {
                pause(tokenDelay);
            }
            if (faultHere && kind == AiFault.Kind.ERROR_IN_STREAM) {
                ErrorAnswer error = dialect.error(new Problem(Problem.Type.SERVER_ERROR, 500, null));
                emit(out, dialect.frame(mapper.writeValueAsString(error.body())));
                break;
            }
            String payload = payloads.get(i);
            if (faultHere && kind == AiFault.Kind.MALFORMED_CHUNK) {
                payload = payload.substring(0, Math.max(1, payload.length() / 2));
            }
            emit(out, dialect.frame(payload));
        }
        try {
            out.close();
        } catch (IOException e) {
            abandoned.incrementAndGet();
            throw e;
        }
    }

    /** Writes a frame at once; a write that fails is the client's leaving (a real provider then stops generating). */
    private void emit(OutputStream out, String frame) throws IOException {
        try {
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            abandoned.incrementAndGet();
            throw e;
        }
    }

    private void send(HttpExchange exchange, ErrorAnswer answer) throws IOException {
        sendJson(exchange, answer.status(), answer.headers(), answer.body());
    }

    private void sendJson(HttpExchange exchange, int status, Map<String, String> headers, JsonNode body)
            throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return headers;
    }

    private static int promptTokens(Call call) {
        int chars = call.systemPrompt() == null ? 0 : call.systemPrompt().length();
        int images = 0;
        for (AiTurn turn : call.turns()) {
            chars += turn.text().length();
            images += turn.images().size();
        }
        return Math.max(1, (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN) + images * TOKENS_PER_IMAGE;
    }

    private static String answerId(Dialect dialect) {
        String random = UUID.randomUUID().toString().replace("-", "");
        return switch (dialect.format()) {
            case OPENAI -> "chatcmpl-" + random;
            case OLLAMA, GEMINI -> random;
        };
    }

    private static void pause(Duration delay) throws IOException {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("stopped", e);
        }
    }

    /** Stops serving; streams in progress end at once. */
    @Override
    public void close() {
        http.close();
    }

    /** Ends a stream without its end: thrown out of the handler, it makes the server drop the connection. */
    private static final class CutStream extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CutStream() {
            super("stream cut by an injected fault", null, false, false);
        }
    }
}
