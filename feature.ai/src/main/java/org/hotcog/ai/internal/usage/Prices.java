package org.hotcog.ai.internal.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a provider's models cost per 1,000 tokens, to estimate each call's cost. Configured as
 * {@code model: prompt completion} lines, {@code *} standing for every model without a line of its own; a model
 * without a price costs nothing.
 */
public final class Prices {

    /** No prices: every call costs 0. */
    public static final Prices NONE = new Prices(Map.of());

    private static final String ANY_MODEL = "*";
    private static final BigDecimal MICROS_PER_THOUSAND = BigDecimal.valueOf(1_000);

    /**
     * A model's prices.
     *
     * @param promptPer1k the price of 1,000 prompt tokens
     * @param completionPer1k the price of 1,000 completion tokens
     */
    public record Price(BigDecimal promptPer1k, BigDecimal completionPer1k) {
    }

    private final Map<String, Price> byModel;

    private Prices(Map<String, Price> byModel) {
        this.byModel = Map.copyOf(byModel);
    }

    /**
     * @param lines {@code model: prompt completion} lines, prices per 1,000 tokens; blank lines are skipped
     * @return the prices
     * @throws IllegalArgumentException naming {@code prices} for a line that is not of that form
     */
    public static Prices parse(String[] lines) {
        Map<String, Price> byModel = new LinkedHashMap<>();
        for (String line : lines == null ? new String[0] : lines) {
            if (line == null || line.isBlank()) {
                continue;
            }
            int colon = line.lastIndexOf(':');
            String[] amounts = colon < 0 ? new String[0] : line.substring(colon + 1).trim().split("\\s+");
            if (colon <= 0 || amounts.length != 2) {
                throw new IllegalArgumentException("prices: '" + line + "' is not 'model: prompt completion'");
            }
            try {
                Price price = new Price(new BigDecimal(amounts[0]), new BigDecimal(amounts[1]));
                if (price.promptPer1k().signum() < 0 || price.completionPer1k().signum() < 0) {
                    throw new NumberFormatException();
                }
                byModel.put(line.substring(0, colon).trim(), price);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("prices: '" + line + "' needs two amounts of zero or more");
            }
        }
        return new Prices(byModel);
    }

    /**
     * @param model the model called
     * @param promptTokens the prompt tokens reported (-1, not reported, counts as 0)
     * @param completionTokens the completion tokens reported (-1 counts as 0)
     * @return the estimated cost in millionths, rounded half up
     */
    public long costMicros(String model, int promptTokens, int completionTokens) {
        Price price = byModel.getOrDefault(model, byModel.get(ANY_MODEL));
        if (price == null) {
            return 0;
        }
        // per 1,000 tokens, in millionths: amount × tokens × 1,000,000 / 1,000
        return price.promptPer1k().multiply(BigDecimal.valueOf(Math.max(0, promptTokens)))
                .add(price.completionPer1k().multiply(BigDecimal.valueOf(Math.max(0, completionTokens))))
                .multiply(MICROS_PER_THOUSAND).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
