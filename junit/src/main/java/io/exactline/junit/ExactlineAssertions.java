package io.exactline.junit;

import io.exactline.core.attribution.ExactAttribution;
import io.exactline.core.network.Network;

/**
 * Entry point of the exactline assertions, and of every AssertJ assertion (it extends
 * {@link org.assertj.core.api.Assertions}), so one static import serves both:
 * <pre>
 * import static io.exactline.junit.ExactlineAssertions.assertThat;
 *
 * assertThat(network).satisfies(property);
 * assertThat(network).onSegment(a, b).alwaysAdvises(Advisory.COC).hasAtMostPieces(200);
 * assertThat(IntegratedGradients.of(network).exact(x, baseline)).satisfiesCompleteness(1e-9);
 * </pre>
 */
public class ExactlineAssertions extends org.assertj.core.api.Assertions {

    /** For subclasses that add their own entry points; use the static methods. */
    protected ExactlineAssertions() {
    }

    /** Assertions about a network: properties it satisfies or violates, facts along segments. */
    public static NetworkAssert assertThat(Network network) {
        return new NetworkAssert(network);
    }

    /** Assertions about exact Integrated Gradients. */
    public static AttributionAssert assertThat(ExactAttribution attribution) {
        return new AttributionAssert(attribution);
    }
}
