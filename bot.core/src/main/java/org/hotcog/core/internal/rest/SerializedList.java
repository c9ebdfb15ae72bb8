package org.hotcog.core.internal.rest;

import java.util.AbstractList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A list whose JSON is written once and then sent as it is, by {@link JsonProvider}: for answers
 * that are asked for far more often than they change. The list must not change.
 */
final class SerializedList<T> extends AbstractList<T> {
    private final List<T> items;
    private volatile byte[] json;

    SerializedList(List<T> items) {
        this.items = items;
    }

    /** The list this one sends. */
    List<T> items() {
        return items;
    }

    @Override
    public T get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    /** The JSON, written by {@code mapper} the first time; two threads at once may both write it. */
    byte[] json(ObjectMapper mapper) throws JsonProcessingException {
        byte[] written = json;
        if (written == null) {
            written = mapper.writeValueAsBytes(items);
            json = written;
        }
        return written;
    }
}
