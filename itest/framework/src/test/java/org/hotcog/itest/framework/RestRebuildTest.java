package org.hotcog.itest.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

/**
 * The whiteboard builds the REST application's server again when its extensions change (here: the CORS setting)
 * or a module adds or removes a resource. A request that arrives meanwhile must still get the API's JSON.
 */
class RestRebuildTest {
    @InjectBundleContext
    BundleContext context;

    @Test
    void requestsDuringRebuildsAreAnsweredWithJson() throws Exception {
        String api = Http.apiUrl(context);
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        Queue<String> wrong = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread client = new Thread(() -> {
                while (!done.get()) {
                    try {
                        HttpResponse<String> response = Http.get(api + "health");
                        String type = response.headers().firstValue("Content-Type").orElse("");
                        answered.incrementAndGet();
                        boolean json = type.startsWith("application/json");
                        if ((!json || response.statusCode() != 200 && response.statusCode() != 503)
                                && wrong.size() < 10) {
                            wrong.add(response.statusCode() + " " + type + " " + response.body());
                        }
                    } catch (Exception e) {
                        wrong.add(e.toString());
                    }
                }
            }, "rebuild-client-" + i);
            client.start();
            clients.add(client);
        }
        try {
            for (int round = 0; round < 8; round++) {
                CorsOrigins.set(context, api, round % 2 == 0 ? "https://rebuild.example" : null);
            }
        } finally {
            done.set(true);
            for (Thread client : clients) {
                client.join(30_000);
            }
            CorsOrigins.set(context, api, null);
        }
        assertThat(wrong).as("answers that were not the API's JSON").isEmpty();
        assertThat(answered.get()).isGreaterThan(100);
    }
}
