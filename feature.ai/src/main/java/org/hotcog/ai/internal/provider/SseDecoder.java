package org.hotcog.ai.internal.provider;

/**
 * Server-sent events: {@code data:} lines gathered until a blank line make one event; comments ({@code :}) and
 * other fields are skipped.
 */
abstract class SseDecoder extends StreamDecoder {

    private final StringBuilder data = new StringBuilder();
    private boolean pending;

    /**
     * @param event one event's data
     * @param sink where the text goes
     * @throws ChunkException if the event ends the answer in failure
     */
    abstract void event(String event, StreamSink sink) throws ChunkException;

    @Override
    final void line(String line, StreamSink sink) throws ChunkException {
        if (line.isEmpty()) {
            dispatch(sink);
        } else if (line.startsWith("data:")) {
            if (pending) {
                data.append('\n');
            }
            data.append(line.startsWith("data: ") ? line.substring(6) : line.substring(5));
            pending = true;
        }
    }

    @Override
    final void end(StreamSink sink) throws ChunkException {
        dispatch(sink);
    }

    private void dispatch(StreamSink sink) throws ChunkException {
        if (pending) {
            String event = data.toString();
            data.setLength(0);
            pending = false;
            event(event, sink);
        }
    }
}
