package org.hotcog.emulator.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;

/** Answers one route. */
@FunctionalInterface
public interface RouteHandler {

    /**
     * @param request the parsed request
     * @return the JSON answer (status 200), or null for 204 No Content
     * @throws RestException for an error answer
     */
    JsonNode handle(RestRequest request);
}
