package org.hotcog.ai.internal.provider;

/** Receives an answer as it is generated. Called on the HTTP client's threads, one delta at a time, in order. */
@FunctionalInterface
public interface StreamSink {

    /**
     * @param delta the text that follows what came before (never empty)
     */
    void onText(String delta);
}
