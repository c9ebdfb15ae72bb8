package org.hotcog.emulator.internal.ai;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;

import org.hotcog.emulator.ai.WireFormat;

/** What differs between the wire formats: parsing a chat request, checking keys, and the shapes of answers. */
abstract class Dialect {

    /** Builds the JSON answers. */
    protected final ObjectMapper mapper;
    private final WireFormat format;
    private final String streamType;

    /**
     * @param mapper builds the JSON answers
     * @param format the format spoken
     * @param streamType the content type of a streamed answer
     */
    Dialect(ObjectMapper mapper, WireFormat format, String streamType) {
        this.mapper = mapper;
        this.format = format;
        this.streamType = streamType;
    }

    /** The format this dialect speaks. */
    final WireFormat format() {
        return format;
    }

    /**
     * @param headers the request's headers
     * @param query the request's query parameters
     * @param key the key the provider accepts
     * @return the refusal to answer, or null when the key is good (or the format has none)
     */
    abstract Problem checkKey(Headers headers, Map<String, String> query, String key);

    /**
     * @param body the JSON body
     * @param pathModel the model named in the path (Gemini), or null
     * @param streamRoute whether the route itself asks for a stream (Gemini's {@code streamGenerateContent})
     * @return the parsed call
     * @throws IllegalArgumentException with the provider's message, for a request it would refuse with 400
     */
    abstract Call parse(JsonNode body, String pathModel, boolean streamRoute);

    /**
     * @param problem what went wrong
     * @return the error answer in this format's shape
     */
    abstract ErrorAnswer error(Problem problem);

    /**
     * @param models the models by name, true for those that accept images
     * @param query the list request's query parameters (Gemini pages)
     * @return the model list in this format's shape
     */
    abstract JsonNode models(Map<String, Boolean> models, Map<String, String> query);

    /** The content type of a streamed answer. */
    final String streamType() {
        return streamType;
    }

    /**
     * @param call the request
     * @param answer the answer's tokens and usage
     * @return the stream's payloads in order (JSON texts, or OpenAI's {@code [DONE]})
     */
    abstract List<String> payloads(Call call, Answer answer);

    /**
     * @param payload one payload
     * @return the payload framed as it goes on the wire
     */
    abstract String frame(String payload);

    /**
     * @param call the request
     * @param answer the answer's tokens and usage
     * @return the whole answer of a request that did not ask for a stream
     */
    abstract JsonNode whole(Call call, Answer answer);
}
