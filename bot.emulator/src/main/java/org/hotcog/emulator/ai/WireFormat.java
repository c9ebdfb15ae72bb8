package org.hotcog.emulator.ai;

/** The three wire formats the local providers speak, all on the same port. */
public enum WireFormat {
    /** OpenAI-compatible: {@code POST /v1/chat/completions} (SSE when streaming), {@code GET /v1/models}. */
    OPENAI,
    /** Ollama: {@code POST /api/chat} (NDJSON when streaming, the default), {@code GET /api/tags}. */
    OLLAMA,
    /** Gemini: {@code POST /v1beta/models/{model}:streamGenerateContent?alt=sse}, {@code GET /v1beta/models}. */
    GEMINI
}
