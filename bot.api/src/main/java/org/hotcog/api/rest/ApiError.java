package org.hotcog.api.rest;

/**
 * The JSON body of every error answer of Hotcog's REST API.
 *
 * @param error a short stable code a client can switch on, such as {@code not_found} or
 *     {@code invalid_request}
 * @param message a sentence for a person: what was wrong and, where it helps, what to send instead
 */
public record ApiError(String error, String message) {
}
