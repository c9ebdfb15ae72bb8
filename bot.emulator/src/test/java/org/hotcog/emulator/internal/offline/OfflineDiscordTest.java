package org.hotcog.emulator.internal.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Offline mode's configurations, written to a ConfigurationAdmin that keeps them in a map (the framework's own is
 * exercised by the integration tests): the Discord connection, and the AI module's demo provider on the local
 * providers, both gone when offline mode ends.
 */
class OfflineDiscordTest {

    /** Configurations by "pid" or "factoryPid~name", as ConfigurationAdmin 1.6 names them. */
    private final Map<String, Dictionary<String, Object>> stored = new HashMap<>();

    private Configuration configuration(String key) {
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Configuration.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getProperties" -> stored.get(key);
                    case "update" -> {
                        @SuppressWarnings("unchecked")
                        Dictionary<String, Object> properties = (Dictionary<String, Object>) args[0];
                        stored.put(key, properties);
                        yield null;
                    }
                    case "delete" -> {
                        stored.remove(key);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private ConfigurationAdmin configurationAdmin() {
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getConfiguration" -> configuration((String) args[0]);
                    case "getFactoryConfiguration" -> configuration(args[0] + "~" + args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void offlineModeConfiguresADemoProviderOnTheLocalProvidersAndRemovesItAtTheEnd() throws Exception {
        OfflineDiscord offline = new OfflineDiscord(context(), configurationAdmin());
        Dictionary<String, Object> provider = stored.get(OfflineDiscord.AI_PROVIDER_PID + "~demo");
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest models = HttpRequest.newBuilder(URI.create(provider.get("baseUrl") + "/models"))
                .header("Authorization", "Bearer " + provider.get(".apiKey")).build();
        try {
            assertThat(stored).containsKey(OfflineDiscord.DISCORD_PID);
            assertThat(provider.get("name")).isEqualTo("demo");
            assertThat(provider.get("kind")).isEqualTo("openai");
            assertThat(provider.get("defaultModel")).isEqualTo("local-vision");
            HttpResponse<String> answer = client.send(models, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("local-vision");
        } finally {
            offline.deactivate();
        }

        assertThat(stored).isEmpty();
        assertThatThrownBy(() -> client.send(models, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void offlineModeConfiguresADemoPanelWithBusyServersForTheDemoGuildAndRemovesItAtTheEnd() throws Exception {
        OfflineDiscord offline = new OfflineDiscord(context(), configurationAdmin());
        Dictionary<String, Object> panel = stored.get(OfflineDiscord.PANEL_PID + "~demo");
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest servers = panelRequest(panel, "");
        try {
            assertThat(panel.get("name")).isEqualTo("demo");
            assertThat((String[]) panel.get("guilds")).containsExactly(String.valueOf(offline.demo().guild().id()));
            HttpResponse<String> answer = client.send(servers, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"Survival\"", "\"Creative\"", "\"Modded\"");
            HttpRequest resources = panelRequest(panel, "/servers/"
                    + answer.body().replaceAll("(?s).*?\"identifier\":\"([0-9a-f]+)\".*", "$1") + "/resources");
            assertThat(client.send(resources, HttpResponse.BodyHandlers.ofString()).body())
                    .contains("\"current_state\":\"running\"");
        } finally {
            offline.deactivate();
        }
        assertThat(stored).isEmpty();
        assertThatThrownBy(() -> client.send(servers, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    /** A Client API request to the demo panel with its key. */
    private static HttpRequest panelRequest(Dictionary<String, Object> panel, String path) {
        return HttpRequest.newBuilder(URI.create(panel.get("url") + "/api/client" + path))
                .header("Authorization", "Bearer " + panel.get(".clientKey"))
                .header("Accept", "Application/vnd.pterodactyl.v1+json").build();
    }
}
