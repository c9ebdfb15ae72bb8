package org.hotcog.core.internal.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

class ServiceOnFirstUseTest {
    /** Hands out the services queued, null when none is queued, as SCR does when it cannot give one. */
    private static final class Objects implements ComponentServiceObjects<String> {
        final Deque<String> available = new ArrayDeque<>();
        final List<String> given = new ArrayList<>();
        final List<String> returned = new ArrayList<>();

        @Override
        public String getService() {
            String service = available.poll();
            if (service != null) {
                given.add(service);
            }
            return service;
        }

        @Override
        public void ungetService(String service) {
            returned.add(service);
        }

        @Override
        public ServiceReference<String> getServiceReference() {
            @SuppressWarnings("unchecked")
            ServiceReference<String> reference = (ServiceReference<String>) java.lang.reflect.Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] { ServiceReference.class },
                    (proxy, method, args) -> method.getName().equals("getProperty") ? "org.example.Tokens" : null);
            return reference;
        }
    }

    @Test
    void aServiceThatCannotBeHadIsNotReadyAndIsAskedForAgainNextTime() {
        Objects objects = new Objects();
        ServiceOnFirstUse<String> tokens = new ServiceOnFirstUse<>(objects);
        assertThatThrownBy(tokens::get).isInstanceOf(ServiceOnFirstUse.NotReady.class)
                .hasMessageContaining("org.example.Tokens").hasMessageContaining("try again");
        objects.available.add("tokens");
        assertThat(tokens.get()).isEqualTo("tokens");
    }

    @Test
    void theServiceIsObtainedOnceAndGivenBackOnRelease() {
        Objects objects = new Objects();
        objects.available.add("first");
        objects.available.add("second");
        ServiceOnFirstUse<String> tokens = new ServiceOnFirstUse<>(objects);
        assertThat(tokens.get()).isEqualTo("first");
        assertThat(tokens.get()).isEqualTo("first");
        tokens.release();
        tokens.release();
        assertThat(objects.given).containsExactly("first");
        assertThat(objects.returned).containsExactly("first");
    }
}
