package org.hotcog.ai.internal.provider;

/** A stream line that ends the answer: a chunk that is not what the format says, or an error the provider sent. */
final class ChunkException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ProviderException.Kind kind;

    ChunkException(ProviderException.Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    ProviderException.Kind kind() {
        return kind;
    }

    static ChunkException malformed(String what) {
        return new ChunkException(ProviderException.Kind.MALFORMED_CHUNK, "malformed chunk: " + what);
    }
}
