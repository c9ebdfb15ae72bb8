package org.hotcog.core.internal.auth;

import java.security.Principal;

import javax.ws.rs.core.SecurityContext;

import org.hotcog.api.rest.ApiRole;

/** The authenticated caller of a REST request, as JAX-RS resources see it through {@code SecurityContext}. */
public record Caller(ApiToken token, boolean secure) implements SecurityContext {
    /** How the audit log names a token's requests. */
    public String actor() {
        return "token:" + token.name() + " (" + token.id() + ")";
    }

    @Override
    public Principal getUserPrincipal() {
        return token::name;
    }

    @Override
    public boolean isUserInRole(String role) {
        ApiRole asked = ApiRole.ofWireName(role);
        return asked != null && token.role().includes(asked);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "Bearer";
    }
}
