package org.hotcog.ai.internal.usage;

/**
 * What a member or a guild may use per hour and per day; -1 is no limit.
 *
 * @param requestsPerHour calls in any hour
 * @param requestsPerDay calls in any 24 hours
 * @param tokensPerHour prompt and completion tokens in any hour
 * @param tokensPerDay prompt and completion tokens in any 24 hours
 */
public record QuotaLimits(int requestsPerHour, int requestsPerDay, long tokensPerHour, long tokensPerDay) {

    /** No limit at all. */
    public static final QuotaLimits UNLIMITED = new QuotaLimits(-1, -1, -1, -1);

    /** Checks that each limit is -1 or not negative. */
    public QuotaLimits {
        if (requestsPerHour < -1 || requestsPerDay < -1 || tokensPerHour < -1 || tokensPerDay < -1) {
            throw new IllegalArgumentException("a quota is -1 (no limit) or at least 0");
        }
    }

    /**
     * @param other another set of limits
     * @return each limit the more generous of the two (no limit beats any)
     */
    public QuotaLimits mostGenerous(QuotaLimits other) {
        return new QuotaLimits((int) generous(requestsPerHour, other.requestsPerHour),
                (int) generous(requestsPerDay, other.requestsPerDay), generous(tokensPerHour, other.tokensPerHour),
                generous(tokensPerDay, other.tokensPerDay));
    }

    private static long generous(long a, long b) {
        return a < 0 || b < 0 ? -1 : Math.max(a, b);
    }
}
