package io.exactline.junit;

import java.util.Arrays;

import org.assertj.core.api.AbstractAssert;

import io.exactline.core.attribution.ExactAttribution;

/**
 * Assertions about exact Integrated Gradients ({@link ExactAttribution}). Made by
 * {@link ExactlineAssertions#assertThat(ExactAttribution)}.
 */
public final class AttributionAssert extends AbstractAssert<AttributionAssert, ExactAttribution> {

    AttributionAssert(ExactAttribution actual) {
        super(actual, AttributionAssert.class);
    }

    /**
     * Passes when the attributions add up to the change of the output, completeness
     * {@code Σ_i IG_i = F_k(x) − F_k(x')}, within {@code tolerance} relative to {@code |F_k(x) − F_k(x')|}; when
     * the output does not change, within {@code tolerance} absolutely.
     */
    public AttributionAssert satisfiesCompleteness(double tolerance) {
        isNotNull();
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("a completeness tolerance is a number >= 0, got " + tolerance);
        }
        double gap = Math.abs(actual.completenessGap());
        double change = actual.outputChange();
        boolean relative = change != 0;
        double error = relative ? gap / Math.abs(change) : gap;
        if (!(error <= tolerance)) {
            double sum = Arrays.stream(actual.attributions()).sum();
            throw failure("Expecting the attributions of output %d to add up to its change within %s (%s), but%n"
                    + "  sum of attributions     = %s%n  F(x) - F(x')            = %s%n  completeness gap        = %s"
                    + " (%s %s)%n  over %d ExactLine pieces from baseline %s", actual.target(), tolerance,
                    relative ? "relative" : "absolute, the output does not change", sum, change,
                    actual.completenessGap(), relative ? "relative" : "absolute", error, actual.pieceCount(),
                    Arrays.toString(actual.baseline()));
        }
        return myself;
    }
}
