package org.hotcog.emulator.internal.offline;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.hotcog.emulator.ApplicationCommand;
import org.hotcog.emulator.CommandInvocation;
import org.hotcog.emulator.InteractionResult;
import org.hotcog.emulator.LocalDiscord;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.User;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The playground: a page where a person picks a user of the demo guild, types slash commands with
 * autocomplete, and sees the bot's replies, embeds and buttons rendered and clickable. It exists
 * only in offline mode (it needs the local Discord) and listens where the web console does.
 *
 * <p>{@code GET /playground} serves the page; the page polls {@code GET /playground/api/state} and
 * posts what the user does to {@code /playground/api/{command,autocomplete,click,modal,post}}. The page
 * renders Discord's markdown itself, building DOM nodes from text, never HTML from a message.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/playground/*",
        "osgi.http.whiteboard.servlet.name=hotcog-playground" })
public final class PlaygroundServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** Interactions remembered for ephemeral visibility and modals; older ones are forgotten. */
    private static final int REMEMBERED = 500;

    private final transient OfflineDiscord offline;
    private final transient ObjectMapper json = new ObjectMapper();
    private final transient ConcurrentLinkedDeque<Sent> sent = new ConcurrentLinkedDeque<>();

    /**
     * An interaction the page sent for a user.
     *
     * @param command {@code /name [group] [subcommand]} for a slash command, null for a click or a form
     */
    private record Sent(long userId, String userName, String command, InteractionResult result) {
    }

    @Activate
    public PlaygroundServlet(@Reference OfflineDiscord offline) {
        this.offline = offline;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = Objects.requireNonNullElse(request.getPathInfo(), "/");
        if (path.equals("/") || path.equals("/index.html")) {
            resource(response, "index.html", "text/html; charset=utf-8");
        } else if (path.equals("/app.js")) {
            resource(response, "app.js", "text/javascript; charset=utf-8");
        } else if (path.equals("/api/state")) {
            write(response, state(parseId(request.getParameter("user"))));
        } else {
            response.sendError(404);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonNode body;
        try {
            body = json.readTree(request.getInputStream());
        } catch (IOException e) {
            error(response, 400, "the body is not JSON");
            return;
        }
        LocalDiscord discord = offline.discord();
        try {
            User user = user(body.path("user").asLong());
            switch (Objects.requireNonNullElse(request.getPathInfo(), "")) {
                case "/api/command" -> remember(user, commandLine(body), invocation(user, body).send());
                case "/api/autocomplete" -> {
                    write(response, Map.of("choices", invocation(user, body)
                            .autocomplete(body.path("focused").asText(), body.path("partial").asText())));
                    return;
                }
                case "/api/click" -> {
                    Message message = message(body.path("message").asLong());
                    remember(user, null, body.has("values")
                            ? discord.selectMenu(user, message, body.path("customId").asText(),
                                    json.convertValue(body.path("values"), List.class))
                            : discord.clickButton(user, message, body.path("customId").asText()));
                }
                case "/api/modal" -> remember(user, null, discord.submitModal(user, opened(body.path("interaction").asLong()),
                        body.path("modalId").asText(), json.convertValue(body.path("values"), Map.class)));
                case "/api/post" -> channel(body.path("channel").asLong()).post(user, body.path("content").asText());
                default -> {
                    error(response, 404, "no such action");
                    return;
                }
            }
            write(response, Map.of("ok", true));
        } catch (IllegalArgumentException | IllegalStateException e) {
            error(response, 400, e.getMessage());
        } catch (AssertionError e) {
            error(response, 504, "the bot did not answer in time");
        }
    }

    private CommandInvocation invocation(User user, JsonNode body) {
        CommandInvocation invocation = offline.discord().command(user, channel(body.path("channel").asLong()),
                body.path("name").asText());
        if (body.hasNonNull("group")) {
            invocation.subcommand(body.path("group").asText(), body.path("subcommand").asText());
        } else if (body.hasNonNull("subcommand")) {
            invocation.subcommand(body.path("subcommand").asText());
        }
        body.path("options").fields().forEachRemaining(option -> invocation.option(option.getKey(),
                optionValue(option.getValue())));
        return invocation;
    }

    /** Option values arrive as JSON; users, channels and roles as {"user": id} etc. */
    private Object optionValue(JsonNode value) {
        if (value.has("user")) {
            return user(value.path("user").asLong());
        }
        if (value.has("channel")) {
            return channel(value.path("channel").asLong());
        }
        if (value.has("role")) {
            long id = value.path("role").asLong();
            return offline.demo().guild().roles().stream().filter(r -> r.id() == id).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no role " + id));
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        return value.asText();
    }

    /** How Discord names what was run above its answer: "/name group subcommand". */
    private static String commandLine(JsonNode body) {
        StringBuilder line = new StringBuilder("/").append(body.path("name").asText());
        for (String part : List.of("group", "subcommand")) {
            if (body.hasNonNull(part)) {
                line.append(' ').append(body.path(part).asText());
            }
        }
        return line.toString();
    }

    private void remember(User user, String command, InteractionResult result) {
        sent.addFirst(new Sent(user.id(), user.name(), command, result));
        while (sent.size() > REMEMBERED) {
            sent.pollLast();
        }
    }

    private InteractionResult opened(long interactionId) {
        return sent.stream().map(Sent::result).filter(r -> r.id() == interactionId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("that form has expired; run the command again"));
    }

    private Map<String, Object> state(long viewerId) {
        LocalDiscord discord = offline.discord();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("guild", Map.of("id", Long.toString(offline.demo().guild().id()), "name", offline.demo().guild().name()));
        List<Map<String, Object>> users = new ArrayList<>();
        // Names for the mentions in messages, <@id> and <@&id>, the bot's included.
        Map<String, String> members = new LinkedHashMap<>();
        for (User user : offline.demo().guild().members()) {
            if (!user.bot()) {
                users.add(Map.of("id", Long.toString(user.id()), "name", user.name()));
            }
            members.put(Long.toString(user.id()), user.name());
        }
        state.put("users", users);
        state.put("members", members);
        Map<String, String> roles = new LinkedHashMap<>();
        offline.demo().guild().roles().forEach(role -> roles.put(Long.toString(role.id()), role.name()));
        state.put("roles", roles);
        List<Map<String, Object>> channels = new ArrayList<>();
        List<Message> ephemeral = ephemeralAnswersTo(viewerId);
        // As in Discord, an answer to a slash command says who ran which command.
        Map<Long, String> usedBy = new HashMap<>();
        for (Sent s : sent) {
            if (s.command() != null) {
                s.result().original().ifPresent(m -> usedBy.put(m.id(), s.userName() + " used " + s.command()));
            }
        }
        for (TextChannel channel : offline.demo().guild().textChannels()) {
            // Ephemeral answers are not channel messages; the viewer sees theirs in place. Message ids are
            // snowflakes, which grow with the time of creation: in id order, the two interleave by time.
            List<Message> all = new ArrayList<>(channel.messages());
            ephemeral.stream().filter(m -> m.channelId() == channel.id()).forEach(all::add);
            all.sort(Comparator.comparingLong(Message::id));
            List<Map<String, Object>> messages = new ArrayList<>();
            for (Message message : all.subList(Math.max(0, all.size() - 100), all.size())) {
                if (!message.deleted() && ((message.flags() & Message.EPHEMERAL) == 0 || ephemeral.contains(message))) {
                    messages.add(describe(message, usedBy.get(message.id())));
                }
            }
            channels.add(Map.of("id", Long.toString(channel.id()), "name", channel.name(), "messages", messages));
        }
        state.put("channels", channels);
        state.put("commands", discord.registeredCommands().stream().filter(c -> c.type() == 1)
                .map(PlaygroundServlet::describe).toList());
        state.put("modals", sent.stream().filter(s -> s.userId() == viewerId)
                .filter(s -> s.result().response().map(r -> r.modal() != null).orElse(false)).limit(1)
                .map(s -> Map.of("interaction", Long.toString(s.result().id()), "modal", s.result().response().get().modal()))
                .toList());
        return state;
    }

    /** The ephemeral answers to the viewer's own interactions: only they see them. */
    private List<Message> ephemeralAnswersTo(long viewerId) {
        List<Message> answers = new ArrayList<>();
        for (Sent s : sent) {
            if (s.userId() == viewerId) {
                s.result().original().ifPresent(answers::add);
                answers.addAll(s.result().followUps());
            }
        }
        answers.removeIf(m -> (m.flags() & Message.EPHEMERAL) == 0);
        return answers;
    }

    private static Map<String, Object> describe(Message message, String usedBy) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", Long.toString(message.id()));
        if (usedBy != null) {
            m.put("usedBy", usedBy);
        }
        m.put("author", message.author() == null ? "?" : message.author().name());
        m.put("bot", message.author() != null && message.author().bot());
        m.put("content", message.content());
        m.put("embeds", message.embeds());
        m.put("components", message.components());
        m.put("ephemeral", (message.flags() & Message.EPHEMERAL) != 0);
        m.put("thinking", (message.flags() & Message.LOADING) != 0);
        m.put("edited", message.editCount() > 0);
        m.put("attachments", message.attachments().stream().map(a -> a.filename()).toList());
        return m;
    }

    private static Map<String, Object> describe(ApplicationCommand command) {
        return Map.of("name", command.name(), "description", command.description(),
                "options", command.options() == null ? Collections.emptyList() : command.options());
    }

    private User user(long id) {
        return offline.demo().guild().members().stream().filter(u -> u.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("pick a user first"));
    }

    private TextChannel channel(long id) {
        return offline.demo().guild().textChannels().stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no channel " + id));
    }

    private Message message(long id) {
        return offline.demo().guild().textChannels().stream().flatMap(c -> c.messages().stream())
                .filter(m -> m.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no message " + id));
    }

    private static long parseId(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void resource(HttpServletResponse response, String name, String type) throws IOException {
        response.setContentType(type);
        response.setHeader("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'");
        try (InputStream content = PlaygroundServlet.class.getResourceAsStream("/playground/" + name)) {
            content.transferTo(response.getOutputStream());
        }
    }

    private void write(HttpServletResponse response, Object value) throws IOException {
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        json.writeValue(response.getOutputStream(), value);
    }

    private void error(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        write(response, Map.of("error", status == 400 ? "invalid_request" : "failed", "message", message));
    }
}
