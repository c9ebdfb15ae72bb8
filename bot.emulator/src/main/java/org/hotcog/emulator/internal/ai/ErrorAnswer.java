package org.hotcog.emulator.internal.ai;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An error answer.
 *
 * @param status the HTTP status
 * @param headers extra response headers ({@code Retry-After}...)
 * @param body the JSON body
 */
record ErrorAnswer(int status, Map<String, String> headers, JsonNode body) {
}
