package org.hotcog.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** The bits of Hotcog's HTTP side the benchmarks need: its health, and the Felix Web Console's bundle upload. */
final class WebConsole {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    /** Where Hotcog writes the console's generated password at its first start. */
    private final Path passwordFile;

    WebConsole(URI base, Path passwordFile) {
        this.base = base;
        this.passwordFile = passwordFile;
    }

    boolean healthy() throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve("/api/health")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /**
     * The console's install form, as an operator fills it in: upload, start, refresh packages. The console installs
     * the bundle, or updates in place the installed bundle with the same symbolic name; either runs in the
     * console's background thread, after this returns.
     */
    void upload(Path bundle) throws IOException, InterruptedException {
        String boundary = "----hotcog-bench-" + UUID.randomUUID();
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        Map.of("action", "install", "bundlestart", "start", "bundlestartlevel", "1",
                "refreshPackages", "refresh").forEach((name, value) -> form.writeBytes(("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"bundlefile\"; filename=\""
                + bundle.getFileName() + "\"\r\nContent-Type: application/java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        form.writeBytes(Files.readAllBytes(bundle));
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String password = Files.readString(passwordFile).trim();
        String credentials = Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/system/console/bundles"))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 302) {
            throw new IOException("uploading " + bundle + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
