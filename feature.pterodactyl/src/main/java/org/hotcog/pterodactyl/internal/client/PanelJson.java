package org.hotcog.pterodactyl.internal.client;

import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the panel's answers strictly: a missing or mistyped field is a {@link PanelException.BadResponse} naming
 * it, never a silent zero.
 */
final class PanelJson {
    private PanelJson() {
    }

    static JsonNode object(JsonNode parent, String field) {
        return required(parent, field, JsonNode::isObject, "an object");
    }

    static JsonNode array(JsonNode parent, String field) {
        return required(parent, field, JsonNode::isArray, "a list");
    }

    static String text(JsonNode parent, String field) {
        return required(parent, field, JsonNode::isTextual, "a text").asText();
    }

    /** A text that may be null or absent. */
    static String optionalText(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        return node.isTextual() ? node.asText() : null;
    }

    static long number(JsonNode parent, String field) {
        return required(parent, field, JsonNode::isNumber, "a number").asLong();
    }

    static double decimal(JsonNode parent, String field) {
        return required(parent, field, JsonNode::isNumber, "a number").asDouble();
    }

    private static JsonNode required(JsonNode parent, String field, Predicate<JsonNode> form, String described) {
        JsonNode node = parent.path(field);
        if (!form.test(node)) {
            throw new PanelException.BadResponse("the panel's answer has no field \"" + field + "\" (" + described
                    + "); is the URL a Pterodactyl panel?");
        }
        return node;
    }

    /** A number that may be null or absent (0 then), as the panel sends for unset limits. */
    static long optionalNumber(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        return node.isNumber() ? node.asLong() : 0;
    }

    static boolean flag(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        return node.isBoolean() && node.asBoolean();
    }
}
