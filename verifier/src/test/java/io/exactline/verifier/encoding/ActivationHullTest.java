package io.exactline.verifier.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import io.exactline.core.Rationals;
import io.exactline.core.layer.HardTanh;
import io.exactline.core.layer.LeakyRelu;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Shape;

class ActivationHullTest {
    private static final ActivationPieces RELU = ActivationPieces.of(new Relu(Shape.vector(1)));
    private static final ActivationPieces CLIP = ActivationPieces.of(HardTanh.standard(Shape.vector(1)));

    @Test
    void reluOverAnIntervalAcrossZeroIsTheTriangle() {
        List<HullLine> lines = ActivationHull.of(RELU, -1, 3);

        assertThat(lines).containsExactlyInAnyOrder(new HullLine(0, 0, false), new HullLine(1, 0, false),
                new HullLine(0.75, 0.75, true));
    }

    @Test
    void hardTanhOverAWideIntervalIsAParallelogram() {
        // Points (-3,-1), (-1,-1), (1,1), (3,1): lower chain -1 then z/2 - 1/2, upper chain z/2 + 1/2 then 1.
        List<HullLine> lines = ActivationHull.of(CLIP, -3, 3);

        assertThat(lines).containsExactlyInAnyOrder(new HullLine(0, -1, false), new HullLine(0.5, -0.5, false),
                new HullLine(0.5, 0.5, true), new HullLine(0, 1, true));
    }

    @Test
    void activationAffineOnTheIntervalNeedsNoLines() {
        assertThat(ActivationHull.of(RELU, 0.5, 2)).isEmpty();
        assertThat(ActivationHull.of(CLIP, -0.5, 0.5)).isEmpty();
    }

    @Test
    void linesHoldExactlyEvenWhenTheirSlopesRound() {
        Random random = new Random(21);
        List<ActivationPieces> activations = List.of(RELU, CLIP,
                ActivationPieces.of(new LeakyRelu(Shape.vector(1), 0.1)),
                ActivationPieces.of(new LeakyRelu(Shape.vector(1), -0.3)),
                ActivationPieces.of(new HardTanh(Shape.vector(1), -0.7, 0.3)));
        for (int trial = 0; trial < 400; trial++) {
            ActivationPieces f = activations.get(trial % activations.size());
            double l = -2 * random.nextDouble();
            double u = 2 * random.nextDouble();
            for (HullLine line : ActivationHull.of(f, l, u)) {
                for (int k = 0; k <= 20; k++) {
                    BigFraction z = k == 20 ? BigFraction.from(u) : BigFraction.from(l + (u - l) * k / 20.0);
                    BigFraction y = f.apply(z);
                    BigFraction bound = BigFraction.from(line.slope()).multiply(z).add(BigFraction.from(line.intercept()));
                    int side = Rationals.compare(y, bound);
                    assertThat(line.upper() ? side <= 0 : side >= 0)
                            .as("%s on [%s, %s] at z=%s: f=%s", line, l, u, z.doubleValue(), y.doubleValue())
                            .isTrue();
                }
            }
        }
    }
}
