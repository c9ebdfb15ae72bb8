package org.hotcog.emulator.pterodactyl.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.hotcog.emulator.internal.rest.RouteTable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What each route of the Client and Application APIs answers, in the panel's Fractal shapes: an item is
 * {@code {"object":…,"attributes":{…}}}, a list {@code {"object":"list","data":[…],"meta":{"pagination":…}}}.
 */
final class PanelRoutes {
    static final Set<String> SIGNALS = Set.of("start", "stop", "restart", "kill");
    /** The panel's page size when none is asked for, and the most it allows. */
    private static final int DEFAULT_PER_PAGE = 50;
    private static final int MAX_PER_PAGE = 100;

    /**
     * One parsed request: its path (from {@code /api/}), the key that made it, the path's placeholders, the query
     * and the JSON body.
     */
    record Request(String path, ApiKey key, Map<String, String> params, Map<String, String> query, JsonNode body) {
    }

    /** Answers one route: JSON for 200, null for 204. */
    @FunctionalInterface
    interface Route {
        JsonNode handle(Request request);
    }

    private final Panel panel;
    private final ObjectMapper mapper;

    PanelRoutes(Panel panel, ObjectMapper mapper) {
        this.panel = panel;
        this.mapper = mapper;
    }

    void register(RouteTable<Route> client, RouteTable<Route> application) {
        client.add("GET", "", this::listServers);
        client.add("GET", "servers/{server}", r -> serverItem(visible(r), true));
        client.add("GET", "servers/{server}/resources",
                r -> item("stats", visible(r).resources(mapper.createObjectNode())));
        client.add("POST", "servers/{server}/power", this::power);
        client.add("POST", "servers/{server}/command", this::command);
        client.add("GET", "servers/{server}/websocket", this::websocket);
        application.add("GET", "nodes", r -> page(r, List.of(1), id -> node()));
        application.add("GET", "nodes/{node}", r -> {
            requireNode(r);
            ObjectNode node = node();
            if (includes(r, "location")) {
                ((ObjectNode) node.get("attributes")).putObject("relationships").set("location", location());
            }
            return node;
        });
        application.add("GET", "servers/{id}", r -> applicationServer(r.params().get("id")));
        application.add("GET", "nodes/{node}/allocations", r -> {
            requireNode(r);
            return page(r, panel.servers(), this::allocation);
        });
    }

    private JsonNode listServers(Request request) {
        List<GameServer> visible = panel.servers().stream().filter(s -> request.key().servers.contains(s.uuid()))
                .toList();
        return page(request, visible, server -> serverItem(server, false));
    }

    private GameServer visible(Request request) {
        String id = request.params().get("server");
        GameServer server = panel.server(id);
        // The panel answers 404, not 403, for a server the key may not see: it does not confirm that it exists.
        if (server == null || !request.key().servers.contains(server.uuid())) {
            throw PanelException.notFound();
        }
        return server;
    }

    private JsonNode power(Request request) {
        GameServer server = visible(request);
        JsonNode signal = request.body().path("signal");
        if (!signal.isTextual()) {
            throw PanelException.invalid("signal", "required", "The signal field is required.");
        }
        if (!SIGNALS.contains(signal.asText())) {
            throw PanelException.invalid("signal", "in", "The selected signal is invalid.");
        }
        server.power(signal.asText());
        return null;
    }

    private JsonNode command(Request request) {
        GameServer server = visible(request);
        JsonNode command = request.body().path("command");
        if (!command.isTextual() || command.asText().isEmpty()) {
            throw PanelException.invalid("command", "required", "The command field is required.");
        }
        if (!server.command(command.asText())) {
            throw new PanelException(502, "HttpException", "Server must be online in order to send commands.");
        }
        return null;
    }

    private JsonNode websocket(Request request) {
        GameServer server = visible(request);
        Instant now = panel.now();
        Jwt.Claims claims = server.newToken(panel.jwt().newId(), now.plus(panel.tokenLifetime()));
        ObjectNode answer = mapper.createObjectNode();
        answer.putObject("data").put("token", panel.jwt().issue(panel.url(), claims, now))
                .put("socket", panel.socketUrl() + "/api/servers/" + server.uuid() + "/ws");
        return answer;
    }

    private void requireNode(Request request) {
        if (!"1".equals(request.params().get("node"))) {
            throw PanelException.notFound();
        }
    }

    private ObjectNode item(String object, ObjectNode attributes) {
        ObjectNode node = mapper.createObjectNode().put("object", object);
        node.set("attributes", attributes);
        return node;
    }

    private ObjectNode serverItem(GameServer server, boolean withMeta) {
        ObjectNode a = mapper.createObjectNode();
        a.put("server_owner", true);
        a.put("identifier", server.identifier());
        a.put("internal_id", server.internalId());
        a.put("uuid", server.uuid());
        a.put("name", server.name());
        a.put("node", Panel.NODE_NAME);
        a.put("is_node_under_maintenance", false);
        a.putObject("sftp_details").put("ip", Panel.NODE_IP).put("port", 2022);
        a.put("description", "");
        a.putObject("limits").put("memory", server.limits().memoryMb()).put("swap", server.limits().swapMb())
                .put("disk", server.limits().diskMb()).put("io", server.limits().io())
                .put("cpu", server.limits().cpuPercent()).putNull("threads").put("oom_disabled", true);
        a.put("invocation", "java -Xms128M -jar server.jar");
        a.put("docker_image", "ghcr.io/pterodactyl/yolks:java_17");
        a.putArray("egg_features").add("eula").add("java_version");
        a.putObject("feature_limits").put("databases", 0).put("allocations", 1).put("backups", 0);
        a.putNull("status");
        a.put("is_suspended", false);
        a.put("is_installing", false);
        a.put("is_transferring", false);
        ObjectNode allocations = a.putObject("relationships").putObject("allocations").put("object", "list");
        ObjectNode allocation = allocations.putArray("data").addObject().put("object", "allocation");
        allocation.putObject("attributes").put("id", server.internalId()).put("ip", Panel.NODE_IP).putNull("ip_alias")
                .put("port", server.port()).putNull("notes").put("is_default", true);
        ObjectNode item = item("server", a);
        if (withMeta) {
            item.putObject("meta").put("is_server_owner", true).putArray("user_permissions").add("*");
        }
        return item;
    }

    private ObjectNode node() {
        ObjectNode a = mapper.createObjectNode();
        a.put("id", 1);
        a.put("uuid", panel.nodeUuid());
        a.put("public", true);
        a.put("name", Panel.NODE_NAME);
        a.put("description", "The local panel's only node");
        a.put("location_id", 1);
        a.put("fqdn", Panel.NODE_IP);
        a.put("scheme", "http");
        a.put("behind_proxy", false);
        a.put("maintenance_mode", false);
        a.put("memory", 65_536);
        a.put("memory_overallocate", 0);
        a.put("disk", 1_048_576);
        a.put("disk_overallocate", 0);
        a.put("upload_size", 100);
        a.put("daemon_listen", panel.socketPort());
        a.put("daemon_sftp", 2022);
        a.put("daemon_base", "/var/lib/pterodactyl/volumes");
        a.put("created_at", panel.startedAt().toString());
        a.put("updated_at", panel.startedAt().toString());
        a.putObject("allocated_resources")
                .put("memory", panel.servers().stream().mapToInt(s -> s.limits().memoryMb()).sum())
                .put("disk", panel.servers().stream().mapToInt(s -> s.limits().diskMb()).sum());
        return item("node", a);
    }

    /** Whether {@code ?include=} names a relationship (Fractal's comma-separated list). */
    private static boolean includes(Request request, String relationship) {
        String include = request.query().get("include");
        return include != null && List.of(include.split(",")).contains(relationship);
    }

    /** The only location, which the node is in. */
    private ObjectNode location() {
        ObjectNode a = mapper.createObjectNode();
        a.put("id", 1);
        a.put("short", Panel.LOCATION_SHORT);
        a.put("long", Panel.LOCATION_LONG);
        a.put("updated_at", panel.startedAt().toString());
        a.put("created_at", panel.startedAt().toString());
        return item("location", a);
    }

    /** A server as the Application API shows it: by its internal id, with its node and allocation ids. */
    private ObjectNode applicationServer(String id) {
        GameServer server = panel.servers().stream().filter(s -> String.valueOf(s.internalId()).equals(id))
                .findFirst().orElseThrow(PanelException::notFound);
        ObjectNode a = mapper.createObjectNode();
        a.put("id", server.internalId());
        a.putNull("external_id");
        a.put("uuid", server.uuid());
        a.put("identifier", server.identifier());
        a.put("name", server.name());
        a.put("description", "");
        a.putNull("status");
        a.put("suspended", false);
        a.putObject("limits").put("memory", server.limits().memoryMb()).put("swap", server.limits().swapMb())
                .put("disk", server.limits().diskMb()).put("io", server.limits().io())
                .put("cpu", server.limits().cpuPercent()).putNull("threads").put("oom_disabled", true);
        a.putObject("feature_limits").put("databases", 0).put("allocations", 1).put("backups", 0);
        a.put("user", 1);
        a.put("node", 1);
        // each server has one allocation, numbered as the server
        a.put("allocation", server.internalId());
        a.put("nest", 1);
        a.put("egg", 1);
        a.putObject("container").put("startup_command", "java -Xms128M -jar server.jar")
                .put("image", "ghcr.io/pterodactyl/yolks:java_17").put("installed", 1).putObject("environment");
        a.put("updated_at", panel.startedAt().toString());
        a.put("created_at", panel.startedAt().toString());
        return item("server", a);
    }

    private ObjectNode allocation(GameServer server) {
        ObjectNode a = mapper.createObjectNode();
        a.put("id", server.internalId());
        a.put("ip", Panel.NODE_IP);
        a.putNull("alias");
        a.put("port", server.port());
        a.putNull("notes");
        a.put("assigned", true);
        return item("allocation", a);
    }

    /** A page of a list, {@code ?page=} and {@code ?per_page=} as the panel reads them, with Fractal's meta. */
    private <T> ObjectNode page(Request request, List<T> all, Function<T, ObjectNode> render) {
        int perPage = number(request, "per_page", DEFAULT_PER_PAGE);
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw PanelException.invalid("per_page", "between",
                    "The per page must be between 1 and " + MAX_PER_PAGE + ".");
        }
        int current = Math.max(1, number(request, "page", 1));
        int totalPages = Math.max(1, (all.size() + perPage - 1) / perPage);
        List<T> slice = all.subList(Math.min(all.size(), (current - 1) * perPage),
                Math.min(all.size(), current * perPage));
        ObjectNode list = mapper.createObjectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        slice.forEach(element -> data.add(render.apply(element)));
        ObjectNode pagination = list.putObject("meta").putObject("pagination");
        pagination.put("total", all.size()).put("count", slice.size()).put("per_page", perPage)
                .put("current_page", current).put("total_pages", totalPages);
        // Laravel's paginator appends the request's query to its links, the page last.
        String base = panel.url() + "/api/" + request.path() + "?"
                + (request.query().containsKey("per_page") ? "per_page=" + perPage + "&" : "") + "page=";
        ObjectNode links = pagination.putObject("links");
        if (current > 1) {
            links.put("previous", base + (current - 1));
        }
        if (current < totalPages) {
            links.put("next", base + (current + 1));
        }
        return list;
    }

    private static int number(Request request, String name, int fallback) {
        String value = request.query().get(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw PanelException.invalid(name, "integer", "The " + name.replace('_', ' ') + " must be an integer.");
        }
    }
}
