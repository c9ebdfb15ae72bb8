package org.hotcog.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotcog.core.internal.settings.Settings;

/**
 * {@code java -jar hotcog.jar token list|create|revoke}: API tokens from the command line. It asks
 * the running bot through its REST API, as an admin: with {@code admin.token} when configured,
 * else with the token the first start wrote into the data folder.
 */
final class TokenCommand {
    static final String USAGE = """
            usage: java -jar hotcog.jar token list
                   java -jar hotcog.jar token create <name> <admin|operator|read-only> [--guilds <id,id>] [--rate <per second>]
                   java -jar hotcog.jar token revoke <id>""";
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String api;
    private final String adminToken;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TokenCommand(String api, String adminToken, PrintStream out) {
        this.api = api;
        this.adminToken = adminToken;
        this.out = out;
    }

    /** Runs the command; returns the process's exit status. */
    static int run(List<String> args, Settings settings, PrintStream out, PrintStream err) {
        String host = settings.get(Settings.HTTP_HOST);
        host = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        String api = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + settings.get(Settings.HTTP_PORT) + "/api/tokens";
        String token = settings.get(Settings.ADMIN_TOKEN);
        Path file = settings.dataDir().resolve("admin-token");
        try {
            if (token.isEmpty() && Files.isReadable(file)) {
                token = Files.readString(file).strip();
            }
            if (token.isEmpty()) {
                err.println("hotcog: no admin token: set " + Settings.ADMIN_TOKEN.environmentVariable()
                        + ", or run this as the user that can read " + file);
                return 2;
            }
            return new TokenCommand(api, token, out).execute(args);
        } catch (IllegalArgumentException e) {
            err.println("hotcog: " + e.getMessage() + "\n" + USAGE);
            return 2;
        } catch (ConnectException e) {
            err.println("hotcog: Hotcog is not running at " + api + "; start it first");
            return 1;
        } catch (IOException e) {
            err.println("hotcog: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    int execute(List<String> args) throws IOException, InterruptedException {
        String verb = args.isEmpty() ? "" : args.get(0);
        switch (verb) {
            case "list" -> {
                HttpResponse<String> response = send(request(api).GET());
                out.println(response.body());
                return response.statusCode() == 200 ? 0 : 1;
            }
            case "create" -> {
                if (args.size() < 3) {
                    throw new IllegalArgumentException("create needs a name and a role");
                }
                HttpResponse<String> response = send(request(api).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(createBody(args))));
                if (response.statusCode() != 201) {
                    return refused(response);
                }
                out.println(group(SECRET, response.body()));
                out.println("Token " + group(ID, response.body()) + " created; the line above is its secret, shown "
                        + "only now. Send it as \"Authorization: Bearer <secret>\".");
                return 0;
            }
            case "revoke" -> {
                if (args.size() != 2) {
                    throw new IllegalArgumentException("revoke needs the token's id");
                }
                HttpResponse<String> response = send(request(api + "/" + args.get(1)).DELETE());
                if (response.statusCode() != 204) {
                    return refused(response);
                }
                out.println("Token " + args.get(1) + " revoked.");
                return 0;
            }
            default -> throw new IllegalArgumentException("unknown token command \"" + verb + "\"");
        }
    }

    /** The JSON body of {@code POST /api/tokens}; the server checks each value. */
    static String createBody(List<String> args) {
        List<String> fields = new ArrayList<>();
        fields.add("\"name\": " + quote(args.get(1)));
        fields.add("\"role\": " + quote(args.get(2)));
        for (int i = 3; i < args.size(); i += 2) {
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(args.get(i) + " needs a value");
            }
            String value = args.get(i + 1);
            switch (args.get(i)) {
                case "--guilds" -> {
                    if (!value.matches("\\d{1,20}(,\\d{1,20})*")) {
                        throw new IllegalArgumentException("--guilds takes guild ids separated by commas");
                    }
                    fields.add("\"guilds\": [" + value + "]");
                }
                case "--rate" -> {
                    if (!value.matches("\\d{1,7}")) {
                        throw new IllegalArgumentException("--rate takes a whole number of requests per second");
                    }
                    fields.add("\"rateLimit\": " + value);
                }
                default -> throw new IllegalArgumentException("unknown option " + args.get(i));
            }
        }
        return "{" + String.join(", ", fields) + "}";
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private int refused(HttpResponse<String> response) {
        Matcher message = MESSAGE.matcher(response.body());
        out.println("Refused (" + response.statusCode() + "): " + (message.find()
                ? message.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : response.body()));
        return 1;
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
