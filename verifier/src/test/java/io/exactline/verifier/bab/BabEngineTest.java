package io.exactline.verifier.bab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.exactline.core.BadInputException;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.Engines;
import io.exactline.verifier.TestNetworks;
import io.exactline.verifier.bounds.BoundOptions;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.PropertyCase;
import io.exactline.verifier.property.Variable;
import io.exactline.verifier.verdict.Timeout;
import io.exactline.verifier.verdict.Unknown;
import io.exactline.verifier.verdict.Verdict;

/** Branch and bound's bookkeeping: leaves, deadlines, threads, the queue limit and the engine registry. */
class BabEngineTest {
    /** The hardest of the random instances for input splitting: the one with the most sub-problems. */
    private static RandomInstances.Instance hardest() {
        RandomInstances.Instance hardest = null;
        long most = -1;
        for (RandomInstances.Instance instance : RandomInstances.generate(20, 7L)) {
            long nodes = new BabEngine(options(1, 1_000_000)).verify(instance.network(), instance.property(),
                    Deadline.unlimited()).provenance().counts().get("nodes");
            if (!instance.sat() && nodes > most) {
                most = nodes;
                hardest = instance;
            }
        }
        return hardest;
    }

    private static BabOptions options(int workers, int maxQueued) {
        return new BabOptions(Splitting.INPUT, BoundOptions.FORWARD_BACKWARD, workers, 3, maxQueued, 1);
    }

    private static long workerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("exactline-bab-worker")).count();
    }

    @Test
    void unsatLeavesAreReportedAndEachClosesEveryUnsafeConjunction() {
        RandomInstances.Instance instance = hardest();
        List<ClosedLeaf> leaves = new CopyOnWriteArrayList<>();

        Verdict v = new BabEngine(options(2, 1_000_000)).search(instance.network(), instance.property(),
                Deadline.unlimited(), leaves::add);

        assertThat(v.status()).isEqualTo("unsat");
        assertThat(leaves).isNotEmpty();
        int conjunctions = instance.property().cases().get(0).outputCondition().disjuncts().size();
        for (ClosedLeaf leaf : leaves) {
            assertThat(leaf.witnesses()).as("%s", leaf).satisfiesAnyOf(
                    w -> assertThat(w).isEmpty(),
                    w -> assertThat(w).hasSize(conjunctions).allMatch(x -> x.lowerBound() > 0));
        }
        double covered = leaves.stream().mapToDouble(l -> volume(l.box())).sum();
        assertThat(covered).as("leaf boxes tile the case box").isCloseTo(volume(instance.property().cases().get(0)
                .box()), org.assertj.core.data.Percentage.withPercentage(1e-9));
    }

    private static double volume(Box box) {
        double v = 1;
        for (int i = 0; i < box.dimension(); i++) {
            v *= box.width(i);
        }
        return v;
    }

    @Test
    void anExpiredDeadlineGivesTimeoutAndLeavesNoThreadBehind() {
        RandomInstances.Instance instance = hardest();
        long before = workerThreads();

        Verdict v = new BabEngine(options(2, 1_000_000)).verify(instance.network(), instance.property(),
                Deadline.after(Duration.ZERO));

        assertThat(v).isInstanceOf(Timeout.class);
        assertThat(workerThreads()).isEqualTo(before);
    }

    @Test
    void finishedRunsLeaveNoThreadBehind() {
        long before = workerThreads();
        for (RandomInstances.Instance instance : RandomInstances.generate(5, 3L)) {
            new BabEngine(options(2, 1_000_000)).verify(instance.network(), instance.property(), Deadline.unlimited());
        }
        assertThat(workerThreads()).isEqualTo(before);
    }

    @Test
    void aFullQueueGivesUnknownMemoryInsteadOfRunningOutOfHeap() {
        RandomInstances.Instance instance = hardest();

        Verdict v = new BabEngine(options(1, 1)).verify(instance.network(), instance.property(), Deadline.unlimited());

        assertThat(v).isInstanceOf(Unknown.class);
        assertThat(((Unknown) v).reason()).startsWith("memory");
    }

    @Test
    void aBoundaryTouchingPropertyIsUnknownNotWrong() {
        Property p = Property.of("x >= 0 exactly at the corner", new Box(new double[] {-1}, new double[] {0}), 1,
                OutputCondition.of(LinearInequality.atLeast(Variable.output(0), Math.nextUp(0.0))));

        Verdict v = new BabEngine(options(1, 1_000_000)).verify(TestNetworks.identity(), p, Deadline.unlimited());

        assertThat(v.status()).isIn("unsat", "unknown");
    }

    @Test
    void aBoxStuckAtThePrecisionLimitDoesNotHideACounterexampleElsewhere() {
        Property p = new Property("a touching case searched first, then a violated one", 1, 1, List.of(
                new PropertyCase(new Box(new double[] {-1}, new double[] {0}),
                        OutputCondition.of(LinearInequality.atLeast(Variable.output(0), Math.nextUp(0.0)))),
                new PropertyCase(new Box(new double[] {2}, new double[] {3}),
                        OutputCondition.of(LinearInequality.atLeast(Variable.output(0), 2.5)))));

        Verdict v = new BabEngine(options(1, 1_000_000)).verify(TestNetworks.identity(), p, Deadline.unlimited());

        assertThat(v.status()).as("%s", v).isEqualTo("sat");
    }

    @Test
    void enginesAreFoundByNameAndUnknownNamesAreBadInput() {
        assertThat(Engines.names()).startsWith("auto").contains("bab", "pgd", "sampling");
        for (String name : Engines.names()) {
            assertThat(Engines.byName(name).name()).isEqualTo(name);
        }
        assertThatThrownBy(() -> Engines.byName("reluplex")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("auto, bab");
    }
}
