package io.exactline.verifier.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.cache.PropertyDigest;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.Variable;
import io.exactline.verifier.verdict.NetworkDigest;

/**
 * Void leaves with Farkas witnesses: on {@code z_0 = x - 0.1, z_1 = -x}, fixing both units active asks for
 * {@code x >= 0.1} and {@code x <= 0} at once. Each unit's bounds alone allow its piece, so only a combination of
 * the rows shows the leaf empty.
 */
class LeafProgramTest {
    private static final Network NETWORK = new Network(List.of(
            new Dense(new double[][] {{1}, {-1}}, new double[] {-0.1, 0}), new Relu(Shape.vector(2)),
            new Dense(new double[][] {{1, 1}}, new double[] {0})), "two-units");
    private static final ExactNetwork EXACT = ExactNetwork.of(NETWORK);
    private static final double[] LOWER = {-1};
    private static final double[] UPPER = {1};

    private static LeafBounds bounds(int[][] states) {
        return new LeafBounds(EXACT, LOWER, UPPER, states);
    }

    private static Optional<ProofNode.Infeasible> farkas(int[][] states) {
        return CertificateBuilder.farkas(EXACT, bounds(states), states, Deadline.unlimited());
    }

    @Test
    void aPatternEmptyOnlyJointlyGetsFarkasMultipliersThatTheProgramCheckAccepts() {
        int[][] bothActive = {{1, 1}};
        assertThat(bounds(bothActive).infeasibility()).as("no single unit excludes its piece").isEmpty();

        Optional<ProofNode.Infeasible> witness = farkas(bothActive);

        assertThat(witness).as("GLOP's certificate").isPresent();
        assertThat(LeafProgram.of(EXACT, bounds(bothActive), bothActive).refutation(witness.get().farkas()))
                .isEmpty();
    }

    @Test
    void aFeasiblePatternGetsNoWitnessAndTamperedMultipliersAreRejected() {
        int[][] bothActive = {{1, 1}};
        LeafProgram program = LeafProgram.of(EXACT, bounds(bothActive), bothActive);
        List<ProofNode.RowMultiplier> good = farkas(bothActive).orElseThrow().farkas();
        List<ProofNode.RowMultiplier> halved = new ArrayList<>();
        for (ProofNode.RowMultiplier m : good) {
            halved.add(new ProofNode.RowMultiplier(m.row(), program.rows().get(m.row()).equality()
                    ? m.multiplier() * 0.5 : m.multiplier()));
        }
        int inequality = good.stream().filter(m -> !program.rows().get(m.row()).equality()).findFirst()
                .orElseThrow().row();
        List<ProofNode.RowMultiplier> negative = good.stream().map(m -> m.row() == inequality
                ? new ProofNode.RowMultiplier(m.row(), -m.multiplier()) : m).toList();

        assertThat(farkas(new int[][] {{1, 0}})).as("x in [0.1, 1] follows 'on, off'").isEmpty();
        assertThat(program.refutation(halved)).as("%s", halved).isPresent();
        assertThat(program.refutation(negative)).get().asString().contains("only a nonnegative one");
        assertThat(program.refutation(List.of(new ProofNode.RowMultiplier(program.rows().size(), 1.0))))
                .get().asString().contains("names row " + program.rows().size());
    }

    @Test
    void theCheckerAcceptsAVoidLeafByItsFarkasMultipliersAndRejectsItWithout() {
        Property property = Property.of("y-below", new Box(LOWER, UPPER), 1,
                OutputCondition.anyOf(Conjunction.of(LinearInequality.atMost(Variable.output(0), -1.0))));
        ProofNode.Proven proven = new ProofNode.Proven(List.of(new ProofNode.Claim(0, 0.5)));
        ProofNode.Infeasible witness = farkas(new int[][] {{1, 1}}).orElseThrow();
        SplitTreeCertificate withFarkas = certificate(property, proven, witness);
        SplitTreeCertificate without = certificate(property, proven, new ProofNode.Infeasible());

        CheckResult accepted = CertificateChecker.check(NETWORK, property,
                CertificateFormat.parse("c", CertificateFormat.format(withFarkas)));
        CheckResult rejected = CertificateChecker.check(NETWORK, property, without);

        assertThat(CertificateFormat.format(withFarkas)).contains("\nvoid\nfarkas ");
        assertThat(accepted).as("%s", accepted).isEqualTo(new CheckResult.Valid(3, 1, 2));
        assertThat(rejected).as("%s", rejected).isInstanceOf(CheckResult.Invalid.class);
        assertThat(((CheckResult.Invalid) rejected).reason()).contains("not shown empty");
    }

    private static SplitTreeCertificate certificate(Property property, ProofNode proven, ProofNode voidLeaf) {
        return new SplitTreeCertificate(NetworkDigest.of(NETWORK), PropertyDigest.of(property),
                List.of(new ProofNode.UnitSplit(0, 0, proven, new ProofNode.UnitSplit(0, 1, proven, voidLeaf))));
    }
}
