package org.hotcog.core.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;

import org.hotcog.core.internal.config.Secrets;
import org.hotcog.core.internal.secrets.Redactor;
import org.junit.jupiter.api.Test;

import jakarta.servlet.http.HttpServletRequest;

class ApiBetweenBuildsFilterTest {
    private static final String ADMIN_TOKEN = "hc_admin_0123456789abcdef";

    @Test
    void theLogLineOfAFailedRequestMasksTheSecretsItQuotes() {
        ApiBetweenBuildsFilter filter = new ApiBetweenBuildsFilter(new Redactor(new AdminTokenOnly()));

        String line = filter.failure(request("POST", "/api/modules/economy/stop"),
                new IllegalStateException("no server for Bearer " + ADMIN_TOKEN));

        assertThat(line).startsWith("The REST application failed POST /api/modules/economy/stop while it was being "
                + "rebuilt: java.lang.IllegalStateException: no server for Bearer ")
                .doesNotContain(ADMIN_TOKEN).endsWith("cdef");
    }

    private static HttpServletRequest request(String method, String uri) {
        return (HttpServletRequest) Proxy.newProxyInstance(ApiBetweenBuildsFilterTest.class.getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (proxy, called, args) -> switch (called.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    default -> throw new UnsupportedOperationException(called.getName());
                });
    }

    private static final class AdminTokenOnly implements Secrets {
        @Override
        public String databasePassword() {
            return "";
        }

        @Override
        public String discordToken() {
            return "";
        }

        @Override
        public String adminToken() {
            return ADMIN_TOKEN;
        }

        @Override
        public String secretKey() {
            return "";
        }
    }
}
