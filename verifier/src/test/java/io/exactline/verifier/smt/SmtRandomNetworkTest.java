package io.exactline.verifier.smt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import io.exactline.core.Rationals;
import io.exactline.core.network.Network;
import io.exactline.verifier.encoding.ExactReference;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.encoding.LinearObjective;
import io.exactline.verifier.encoding.NetworkRegion;
import io.exactline.verifier.encoding.TestConditions;
import io.exactline.verifier.encoding.TestNetworks;
import io.exactline.verifier.lp.Sense;
import io.exactline.verifier.property.Box;

/** Z3 against brute-force sampling on random small ReLU networks. */
class SmtRandomNetworkTest {
    private static final int SAMPLES = 2000;

    @Test
    void everySampledCounterexampleIsFoundAndEveryModelChecksExactly() {
        Random random = new Random(11);
        JavaSmtSolver z3 = JavaSmtSolver.z3();
        int sat = 0;
        int unsat = 0;
        for (int trial = 0; trial < 25; trial++) {
            Network net = TestNetworks.randomRelu(random, 2 + random.nextInt(2), 5, 4, 2);
            double[] lower = new double[net.inputSize()];
            double[] upper = new double[net.inputSize()];
            for (int j = 0; j < lower.length; j++) {
                lower[j] = -1 + random.nextDouble();
                upper[j] = lower[j] + 0.2 + random.nextDouble();
            }
            double[] margins = sampledMargins(random, net, lower, upper);
            Arrays.sort(margins);
            // y0 - y1 >= t, for a t some samples reach and for one just above every sample.
            for (double t : new double[] {margins[SAMPLES * 9 / 10], margins[SAMPLES - 1] + 1e-3}) {
                boolean sampledSat = margins[SAMPLES - 1] >= t;
                SmtResult result = z3.findInput(NetworkRegion.box(net, new Box(lower, upper)),
                        TestConditions.marginAtLeast(0, 1, t), TestConditions.deadline());

                String where = net + " box " + Arrays.toString(lower) + ".." + Arrays.toString(upper) + " t=" + t;
                if (sampledSat) {
                    assertThat(result).as("sampling found y0 - y1 >= t: %s", where).isInstanceOf(SmtResult.Sat.class);
                }
                if (result instanceof SmtResult.Sat s) {
                    sat++;
                    BigFraction[] x = s.witness().exactInputArray();
                    BigFraction[] y = ExactReference.evaluate(net, x);
                    BigFraction margin = y[0].subtract(y[1]);
                    assertThat(Rationals.compare(margin, BigFraction.from(t))).as("margin %s at %s, %s",
                            margin.doubleValue(), s.witness(), where).isNotNegative();
                    for (int j = 0; j < x.length; j++) {
                        assertThat(Rationals.compare(x[j], BigFraction.from(lower[j]))).isNotNegative();
                        assertThat(Rationals.compare(x[j], BigFraction.from(upper[j]))).isNotPositive();
                    }
                    double[] yDouble = net.evaluate(s.witness().input());
                    assertThat(yDouble[0] - yDouble[1]).as("float re-evaluation, %s", where)
                            .isGreaterThan(t - 1e-9);
                } else {
                    assertThat(result).as(where).isInstanceOf(SmtResult.Unsat.class);
                    unsat++;
                }
            }
        }
        assertThat(sat).isGreaterThanOrEqualTo(25);
        assertThat(unsat).isPositive();
    }

    @Test
    void maximumIsAtLeastEverySampleAndAttainedAtItsWitness() {
        Random random = new Random(12);
        JavaSmtSolver z3 = JavaSmtSolver.z3();
        for (int trial = 0; trial < 5; trial++) {
            Network net = TestNetworks.randomRelu(random, 2, 6, 6, 2);
            double[] lower = {-1, -1};
            double[] upper = {1, 1};
            double best = Arrays.stream(sampledMargins(random, net, lower, upper)).max().orElseThrow();
            OptimumResult result = z3.optimize(NetworkRegion.box(net, new Box(lower, upper)),
                    LinearObjective.difference(0, 1), Sense.MAXIMIZE, TestConditions.deadline());

            assertThat(result).as("%s", net).isInstanceOf(OptimumResult.Optimum.class);
            OptimumResult.Optimum optimum = (OptimumResult.Optimum) result;
            BigFraction[] y = ExactReference.evaluate(net, optimum.witness().exactInputArray());
            assertThat(y[0].subtract(y[1])).as("value at witness %s", optimum.witness()).isEqualTo(optimum.value());
            assertThat(optimum.value().doubleValue()).as("max vs sampled max %s", best)
                    .isGreaterThanOrEqualTo(best - 1e-12);
        }
    }

    @Test
    void tinyTimeLimitOnAWideNetworkTimesOut() {
        Network net = TestNetworks.randomRelu(new Random(13), 5, 50, 50, 50, 5);
        double[] lower = new double[5];
        double[] upper = new double[5];
        Arrays.fill(lower, -1);
        Arrays.fill(upper, 1);
        SmtResult result = JavaSmtSolver.z3().findInput(NetworkRegion.box(net, new Box(lower, upper)),
                TestConditions.marginAtLeast(0, 1, 5), Deadline.after(Duration.ofNanos(1)));

        assertThat(result).isInstanceOf(SmtResult.Timeout.class);
    }

    private static double[] sampledMargins(Random random, Network net, double[] lower, double[] upper) {
        double[] margins = new double[SAMPLES];
        for (int s = 0; s < SAMPLES; s++) {
            double[] x = new double[lower.length];
            for (int j = 0; j < x.length; j++) {
                x[j] = lower[j] + (upper[j] - lower[j]) * random.nextDouble();
            }
            double[] y = net.evaluate(x);
            margins[s] = y[0] - y[1];
        }
        return margins;
    }
}
