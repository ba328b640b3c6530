package io.exactline.verifier.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Layer;
import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.bab.BabEngine;
import io.exactline.verifier.bab.BabOptions;
import io.exactline.verifier.bab.ClosedLeaf;
import io.exactline.verifier.bab.Splitting;
import io.exactline.verifier.bounds.BoundOptions;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.Variable;
import io.exactline.verifier.verdict.Verdict;

/** Certificates of branch-and-bound unsat answers on small random networks: they check, and tampering is caught. */
class CertificateTest {
    /** A network, a property branch and bound proved unsat, and the certificate built from its leaves. */
    record Proved(Network network, Property property, SplitTreeCertificate certificate) {
    }

    /**
     * Random 2-input networks with the property "Y_0 <= m or (Y_1 >= M and Y_0 <= Y_1)", m below and M above the
     * sampled ranges, kept when branch and bound answers unsat.
     */
    static List<Proved> proved(long seed, int count, Splitting splitting) {
        Random random = new Random(seed);
        List<Proved> result = new ArrayList<>();
        BabOptions options = new BabOptions(splitting, BoundOptions.FORWARD_BACKWARD.withAlphaSteps(2), 2, 3,
                1_000_000, 1);
        while (result.size() < count) {
            Network net = LeafBoundsTest.randomNetwork(random, 2, 2);
            Box box = new Box(new double[] {-1, -0.5}, new double[] {0.5, 1});
            double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
            double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
            for (int s = 0; s < 2000; s++) {
                double[] y = net.evaluate(new double[] {-1 + 1.5 * random.nextDouble(), -0.5 + 1.5 * random.nextDouble()});
                for (int j = 0; j < 2; j++) {
                    min[j] = Math.min(min[j], y[j]);
                    max[j] = Math.max(max[j], y[j]);
                }
            }
            OutputCondition condition = OutputCondition.anyOf(
                    Conjunction.of(LinearInequality.atMost(Variable.output(0), min[0] - 0.05)),
                    Conjunction.of(LinearInequality.atLeast(Variable.output(1), max[1] + 0.05),
                            LinearInequality.lessOrEqual(Variable.output(0), Variable.output(1))));
            Property property = Property.of("random", box, 2, condition);
            List<ClosedLeaf> leaves = new CopyOnWriteArrayList<>();
            Verdict v = new BabEngine(options).search(net, property, Deadline.after(Duration.ofSeconds(60)),
                    leaves::add);
            if (v.status().equals("unsat")) {
                CertificateBuilder.Outcome outcome = CertificateBuilder.build(net, property, leaves);
                assertThat(outcome).as("certificate of %s", net).isInstanceOf(CertificateBuilder.Outcome.Built.class);
                result.add(new Proved(net, property, ((CertificateBuilder.Outcome.Built) outcome).certificate()));
            }
        }
        return result;
    }

    private static CheckResult check(Proved p, String text) {
        return CertificateChecker.check(p.network(), p.property(), CertificateFormat.parse("tampered", text));
    }

    @Test
    void certificatesOfInputSplitsAndOfActivationSplitsCheckAfterARoundTripThroughText() {
        List<Proved> all = new ArrayList<>(proved(1, 3, Splitting.INPUT));
        all.addAll(proved(2, 3, Splitting.ACTIVATION));
        for (Proved p : all) {
            String text = CertificateFormat.format(p.certificate());
            SplitTreeCertificate read = CertificateFormat.parse("round trip", text);

            assertThat(read).isEqualTo(p.certificate());
            assertThat(CertificateChecker.check(p.network(), p.property(), read)).as("%s", text)
                    .isInstanceOf(CheckResult.Valid.class);
        }
        assertThat(all.stream().map(p -> CertificateFormat.format(p.certificate())))
                .as("some certificate splits a unit").anyMatch(t -> t.contains("\nunit "))
                .as("some certificate splits an input").anyMatch(t -> t.contains("\ninput "));
    }

    @Test
    void aCertificateWithALeafRemovedLeavesPartOfTheBoxUncovered() {
        Proved p = proved(3, 1, Splitting.INPUT).get(0);
        List<String> lines = new ArrayList<>(CertificateFormat.format(p.certificate()).lines().toList());
        int last = lines.size() - 1;
        while (!lines.get(last).startsWith("leaf") && !lines.get(last).equals("void")) {
            last--;
        }
        lines.remove(last);

        assertThatThrownBy(() -> check(p, String.join("\n", lines)))
                .isInstanceOf(CertificateFormatException.class).hasMessageContaining("not covered");
    }

    @Test
    void aRaisedBoundIsRejectedWithTheClaimedAndRecomputedBounds() {
        Proved p = proved(4, 1, Splitting.INPUT).get(0);
        String text = CertificateFormat.format(p.certificate());
        int at = text.indexOf("\nleaf ") + 1;
        int end = text.indexOf('\n', at);
        String[] words = text.substring(at, end).split(" ");
        String[] claim = words[1].split(":");
        words[1] = claim[0] + ":" + (Double.parseDouble(claim[1]) * 2 + 1);
        String tampered = text.substring(0, at) + String.join(" ", words) + text.substring(end);

        CheckResult result = check(p, tampered);

        assertThat(result).isInstanceOf(CheckResult.Invalid.class);
        assertThat(((CheckResult.Invalid) result).reason()).contains("claims lower bound", "recomputed", "box");
    }

    @Test
    void aChangedWeightChangesTheDigestAndTheCertificateNoLongerApplies() {
        Proved p = proved(5, 1, Splitting.INPUT).get(0);
        List<Layer> layers = new ArrayList<>(p.network().layers());
        Dense first = (Dense) layers.get(0);
        double[][] w = new double[first.outputShape().size()][first.inputShape().size()];
        double[] unit = new double[w[0].length];
        for (int j = 0; j < unit.length; j++) {
            unit[j] = 1;
            double[] column = new double[w.length];
            first.applyLinear(unit, 0, column, 0);
            unit[j] = 0;
            for (int r = 0; r < w.length; r++) {
                w[r][j] = column[r];
            }
        }
        w[0][0] = Math.nextUp(w[0][0]);
        layers.set(0, new Dense(w, first.offset()));
        Network changed = new Network(layers, "changed");

        CheckResult result = CertificateChecker.check(changed, p.property(), p.certificate());

        assertThat(result).isInstanceOf(CheckResult.Invalid.class);
        assertThat(((CheckResult.Invalid) result).reason()).contains("digest");
    }

    @Test
    void aCutMovedOutOfItsBoxOrAnotherPropertyIsRejected() {
        Proved p = proved(6, 1, Splitting.INPUT).get(0);
        String text = CertificateFormat.format(p.certificate());
        int at = text.indexOf("\ninput ") + 1;
        int end = text.indexOf('\n', at);
        String[] words = text.substring(at, end).split(" ");
        words[2] = "7.5";
        String moved = text.substring(0, at) + String.join(" ", words) + text.substring(end);

        CheckResult outside = check(p, moved);
        Property widened = Property.of("widened", new Box(new double[] {-1, -0.5}, new double[] {0.5, 1.5}), 2,
                p.property().cases().get(0).outputCondition());
        CheckResult otherProperty = CertificateChecker.check(p.network(), widened, p.certificate());

        assertThat(outside).isInstanceOf(CheckResult.Invalid.class);
        assertThat(((CheckResult.Invalid) outside).reason()).contains("strictly inside");
        assertThat(otherProperty).isInstanceOf(CheckResult.Invalid.class);
        assertThat(((CheckResult.Invalid) otherProperty).reason()).contains("property");
    }

    @Test
    void aLeafClaimedVoidWithoutAContradictingUnitIsRejected() {
        Proved p = proved(7, 1, Splitting.INPUT).get(0);
        String text = CertificateFormat.format(p.certificate());
        String tampered = text.replaceFirst("\nleaf [^\n]*\n", "\nvoid\n");

        CheckResult result = check(p, tampered);

        assertThat(result).isInstanceOf(CheckResult.Invalid.class);
        assertThat(((CheckResult.Invalid) result).reason()).contains("not shown empty");
    }

    @Test
    void slopesRoundTripThroughTheTextAndVersion1FilesStillRead() {
        ProofNode.Proven leaf = new ProofNode.Proven(List.of(new ProofNode.Claim(0, 0.25),
                new ProofNode.Claim(2, 0.125,
                        List.of(new ProofNode.Slope(0, 3, 0.1), new ProofNode.Slope(1, 0, 1.0)))));
        SplitTreeCertificate certificate = new SplitTreeCertificate("sha256:a", "sha256:b",
                List.of(new ProofNode.UnitSplit(0, 1, leaf, new ProofNode.Infeasible())));

        String text = CertificateFormat.format(certificate);

        assertThat(text).contains("leaf 0:0.25 2:0.125\nslopes 2 0:3:0.1 1:0:1.0\nvoid\n");
        assertThat(CertificateFormat.parse("c.txt", text)).isEqualTo(certificate);
        assertThat(CertificateFormat.parse("c.txt", "exactline-certificate 1\nnetwork a\nproperty b\ncases 1\ncase 1\n"
                + "leaf 0:0.5\nend\n").cases())
                .containsExactly(new ProofNode.Proven(List.of(new ProofNode.Claim(0, 0.5))));
    }

    @Test
    void slopesOfAClaimTheLeafDoesNotHaveOrOutOfOrderAndBadFarkasLinesAreMalformed() {
        String head = "exactline-certificate 2\nnetwork a\nproperty b\ncases 1\ncase 1\nleaf 0:0.5 1:0.5\n";

        assertThatThrownBy(() -> CertificateFormat.parse("c.txt", head + "slopes 3 0:0:0.5\nend\n"))
                .isInstanceOf(CertificateFormatException.class).hasMessageContaining("c.txt:7")
                .hasMessageContaining("slopes for conjunction 3");
        assertThatThrownBy(() -> CertificateFormat.parse("c.txt", head + "slopes 2 0:0:0.5\nslopes 1 0:0:0.5\nend\n"))
                .isInstanceOf(CertificateFormatException.class).hasMessageContaining("increasing order");
        assertThatThrownBy(() -> CertificateFormat.parse("c.txt", head + "slopes 1 0:0\nend\n"))
                .isInstanceOf(CertificateFormatException.class).hasMessageContaining("layer:unit:slope");
        assertThatThrownBy(() -> CertificateFormat.parse("c.txt", head.replace("leaf 0:0.5 1:0.5", "void")
                + "farkas 0\nend\n")).isInstanceOf(CertificateFormatException.class)
                .hasMessageContaining("c.txt:7").hasMessageContaining("'row:multiplier', got '0'");
        assertThatThrownBy(() -> CertificateFormat.parse("c.txt", head.replace("certificate 2", "certificate 1")
                + "slopes 1 0:0:0.5\nend\n")).isInstanceOf(CertificateFormatException.class)
                .hasMessageContaining("found 'slopes 1");
    }

    @Test
    void malformedCertificatesNameTheLine() {
        assertThatThrownBy(() -> CertificateFormat.parse("c.txt", "exactline-certificate 3\n"))
                .isInstanceOf(CertificateFormatException.class).hasMessageContaining("c.txt:1").hasMessageContaining("version");
        assertThatThrownBy(() -> CertificateFormat.parse("c.txt", "exactline-certificate 1\nnetwork a\nproperty b\ncases 1\n"
                + "case 1\nsplit 0 1\nend\n")).isInstanceOf(CertificateFormatException.class)
                .hasMessageContaining("c.txt:6").hasMessageContaining("unknown node");
        assertThatThrownBy(() -> CertificateFormat.parse("c.txt", "exactline-certificate 1\nnetwork a\nproperty b\ncases 1\n"
                + "case 1\nleaf 0:x\nend\n")).isInstanceOf(CertificateFormatException.class)
                .hasMessageContaining("not a number");
        assertThat(Arrays.asList(CertificateFormat.MAGIC, CertificateFormat.VERSION)).containsExactly(
                "exactline-certificate", 2);
    }
}
