package org.hotcog.itest.jar;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The exported jar run as an operator runs it: {@code java -jar hotcog.jar} in a folder of its
 * own, configured through HOTCOG_* variables, on a free port. Other test modules (itest/browser)
 * use it through this module's test jar.
 */
public final class HotcogProcess implements AutoCloseable {
    public static final Path JAR = Path.of(System.getProperty("hotcog.jar", "../../target/hotcog.jar")).toAbsolutePath();
    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public final Path workDir;
    public final int port;
    final Map<String, String> environment = new HashMap<>();
    private Process process;
    private Path output;

    public HotcogProcess(Path workDir) throws IOException {
        this.workDir = workDir;
        this.port = freePort();
        environment.put("HOTCOG_HTTP_PORT", Integer.toString(port));
    }

    /**
     * A free port below the kernel's range of ephemeral ports: a port from that range, free when picked, can be given
     * to any socket on the machine that binds port 0 or connects out before Hotcog listens on it.
     */
    public static int freePort() throws IOException {
        int below = ephemeralPortsStart();
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 10_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(below - 10_000);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port between 10000 and " + below);
    }

    /** The first ephemeral port (Linux's ip_local_port_range; 32768 where that cannot be read). */
    private static int ephemeralPortsStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            return Math.max(11_000, Integer.parseInt(range.split("\\s+")[0]));
        } catch (IOException | RuntimeException unknown) {
            return 32_768;
        }
    }

    public HotcogProcess env(String key, String value) {
        environment.put(key, value);
        return this;
    }

    /** Starts the jar; stdout and stderr go to one file that {@link #output()} reads. */
    public HotcogProcess start() throws IOException {
        output = Files.createTempFile(workDir, "hotcog-", ".log");
        ProcessBuilder builder = new ProcessBuilder(javaCommand(), "-jar", JAR.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().keySet().removeIf(k -> k.startsWith("HOTCOG_"));
        builder.environment().putAll(environment);
        process = builder.start();
        return this;
    }

    /** Starts and waits until /api/health answers 200. */
    public HotcogProcess startAndAwaitReady() throws Exception {
        start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Hotcog exited with " + process.exitValue() + ":\n" + output());
            }
            if (isReady()) {
                return this;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Hotcog was not healthy within 60 s:\n" + output());
    }

    /** Whether /api/health answers 200 now. */
    private boolean isReady() throws InterruptedException {
        try {
            return get("/api/health").statusCode() == 200;
        } catch (IOException notYet) {
            return false; // not listening yet
        }
    }

    /** Waits for the process to exit by itself and returns its status. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Hotcog did not exit");
        }
        return process.exitValue();
    }

    /** A graceful stop, as a service manager does it (SIGTERM). */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A GET with the admin token: the configured one, else the one the first start wrote. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10));
        adminToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return send(request.build());
    }

    public java.util.Optional<String> adminToken() throws IOException {
        if (environment.containsKey("HOTCOG_ADMIN_TOKEN")) {
            return java.util.Optional.of(environment.get("HOTCOG_ADMIN_TOKEN"));
        }
        Path file = workDir.resolve("data/admin-token");
        return Files.isRegularFile(file) ? java.util.Optional.of(Files.readString(file).strip())
                : java.util.Optional.empty();
    }

    /** A POST with the admin token, as the REST API's clients send jars and actions. */
    public HttpResponse<String> post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        adminToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    /** What a command-line run of the jar printed, and its exit status. */
    public record CommandLine(int status, String output) {
    }

    /** Runs {@code java -jar hotcog.jar <args>} in the same folder and environment, as an operator would. */
    public CommandLine command(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("HOTCOG_"));
        builder.environment().putAll(environment);
        Process cli = builder.start();
        String output = new String(cli.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!cli.waitFor(60, TimeUnit.SECONDS)) {
            cli.destroyForcibly();
            throw new AssertionError("the command did not end: " + output);
        }
        return new CommandLine(cli.exitValue(), output);
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
