package org.hotcog.ai.internal.provider;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.hotcog.ai.internal.usage.Prices;

/** One configured provider: streams answers and lists its models. */
public interface ChatProvider {

    /** What the provider was configured with. */
    ProviderSettings settings();

    /** What its models cost, to estimate each call's cost; none unless configured. */
    default Prices prices() {
        return Prices.NONE;
    }

    /**
     * Asks for an answer and streams it into {@code sink} as it is generated. A 429 is retried once after the delay
     * the provider asked for (at most {@link HttpChatProvider#MAX_RETRY_WAIT}), if nothing was streamed yet.
     *
     * @param request what is asked
     * @param sink receives the text as it comes
     * @return the finished answer; or fails with a {@link ProviderException} that keeps what was streamed
     */
    CompletableFuture<Completion> chat(ChatRequest request, StreamSink sink);

    /**
     * Lists the models a chat request can name, in the provider's order (every page of a paged list).
     *
     * @return the names; or fails with a {@link ProviderException}
     */
    CompletableFuture<List<String>> models();
}
