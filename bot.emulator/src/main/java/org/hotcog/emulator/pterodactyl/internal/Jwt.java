package org.hotcog.emulator.pterodactyl.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The websocket tokens the panel signs for Wings: HS256 JWTs with the server's UUID, the permissions and an expiry,
 * as {@code NodeJWTService} issues them. Verification follows Wings: the signature, then the expiry.
 */
final class Jwt {
    /** A verified token's claims. */
    record Claims(String id, String serverUuid, Instant expiresAt) {
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private final ObjectMapper mapper;
    private final byte[] secret = new byte[32];
    private final SecureRandom random = new SecureRandom();

    Jwt(ObjectMapper mapper) {
        this.mapper = mapper;
        random.nextBytes(secret);
    }

    /** A signed token for the claims. */
    String issue(String issuer, Claims claims, Instant now) {
        ObjectNode header = mapper.createObjectNode().put("typ", "JWT").put("alg", "HS256");
        ObjectNode payload = mapper.createObjectNode();
        payload.put("iss", issuer);
        payload.putArray("aud").add(issuer);
        payload.put("jti", claims.id());
        payload.put("iat", now.getEpochSecond());
        payload.put("nbf", now.getEpochSecond() - 300);
        payload.put("exp", claims.expiresAt().getEpochSecond());
        payload.put("server_uuid", claims.serverUuid());
        payload.putArray("permissions").add("*");
        String unsigned = encode(header) + "." + encode(payload);
        return unsigned + "." + ENCODER.encodeToString(sign(unsigned));
    }

    /** A fresh token id ({@code jti}). */
    String newId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /** The claims of a well-signed token, or null. */
    Claims verify(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
            if (!MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1]))) {
                return null;
            }
            JsonNode payload = mapper.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return new Claims(payload.path("jti").asText(), payload.path("server_uuid").asText(),
                    Instant.ofEpochSecond(payload.path("exp").asLong()));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }

    private String encode(ObjectNode node) {
        try {
            return ENCODER.encodeToString(mapper.writeValueAsBytes(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] sign(String unsigned) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
