package io.exactline.verifier;

/**
 * What an {@link Engine}'s answers are worth.
 *
 * @param complete whether, given enough time, the engine decides every property (sat or unsat) instead of
 *     answering unknown
 * @param soundInFloatingPoint whether an unsat answer holds for the real-valued network despite floating-point
 *     rounding (by outward rounding or exact arithmetic), not only up to a solver's tolerance. Sat answers are
 *     always sound: their counterexamples are re-evaluated and checked
 * @param certificates whether unsat answers come with a {@link io.exactline.verifier.verdict.Certificate}
 * @param summary one sentence on the method and its limits, for reports
 */
public record Guarantee(boolean complete, boolean soundInFloatingPoint, boolean certificates, String summary) {
    public Guarantee {
        if (summary == null || summary.isBlank()) {
            throw new IllegalArgumentException("a guarantee needs a summary");
        }
    }
}
