package io.exactline.verifier.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.core.layer.Dense;
import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.Engine;
import io.exactline.verifier.Guarantee;
import io.exactline.verifier.TestNetworks;
import io.exactline.verifier.bab.BabEngine;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.Variable;
import io.exactline.verifier.verdict.Provenance;
import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Timeout;
import io.exactline.verifier.verdict.Unsat;
import io.exactline.verifier.verdict.Verdict;

class ProofCacheTest {
    private static final Deadline TEN_SECONDS = Deadline.after(Duration.ofSeconds(10));

    @TempDir
    Path directory;

    /** On [0,1]^2, x0 + x1 is at most 2: "Y_0 >= 3" is unsat, "Y_0 >= 1.5" is sat (e.g. at (1, 1)). */
    private static Property firstOutputAtLeast(double bound) {
        return Property.of("Y_0 >= " + bound, new Box(new double[] {0, 0}, new double[] {1, 1}), 2,
                OutputCondition.of(LinearInequality.atLeast(Variable.output(0), bound)));
    }

    /** Branch and bound that counts how often it is asked. */
    private static final class CountingEngine implements Engine {
        final AtomicInteger calls = new AtomicInteger();
        private final Engine inner = new BabEngine();

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public Guarantee guarantee() {
            return inner.guarantee();
        }

        @Override
        public Verdict verify(Network network, Property property, Deadline deadline) {
            calls.incrementAndGet();
            return inner.verify(network, property, deadline);
        }
    }

    @Test
    void unsatIsAnsweredFromTheCacheForTheSameNetworkPropertyAndSettings() {
        CountingEngine bab = new CountingEngine();
        CachingEngine engine = new CachingEngine(bab, ProofCache.in(directory));
        Network net = TestNetworks.sumAndDifference();

        Verdict first = engine.verify(net, firstOutputAtLeast(3), TEN_SECONDS);
        Verdict second = engine.verify(TestNetworks.sumAndDifference(), firstOutputAtLeast(3), TEN_SECONDS);

        assertThat(first).isInstanceOf(Unsat.class);
        assertThat(first.provenance().engine()).isEqualTo("bab");
        assertThat(second).isInstanceOf(Unsat.class);
        assertThat(second.provenance().engine()).isEqualTo(CachedProof.ENGINE);
        assertThat(second.provenance().settings()).containsEntry("provedBy", "bab");
        assertThat(bab.calls).hasValue(1);
    }

    @Test
    void satIsReplayedWithACounterexampleThatIsCheckedAgain() {
        CountingEngine bab = new CountingEngine();
        CachingEngine engine = new CachingEngine(bab, ProofCache.in(directory));
        Network net = TestNetworks.sumAndDifference();

        Sat first = (Sat) engine.verify(net, firstOutputAtLeast(1.5), TEN_SECONDS);
        Verdict second = engine.verify(net, firstOutputAtLeast(1.5), TEN_SECONDS);

        assertThat(second).isInstanceOf(Sat.class);
        assertThat(second.provenance().engine()).isEqualTo(CachedProof.ENGINE);
        assertThat(((Sat) second).counterexample().input()).containsExactly(first.counterexample().input());
        assertThat(bab.calls).hasValue(1);
    }

    @Test
    void changingOneWeightMissesTheCache() {
        CountingEngine bab = new CountingEngine();
        CachingEngine engine = new CachingEngine(bab, ProofCache.in(directory));
        Network perturbed = new Network(List.of(new Dense(new double[][] {{1, 1.0000001}, {1, -1}},
                new double[] {0, 0})), "sum and difference, one weight changed");

        engine.verify(TestNetworks.sumAndDifference(), firstOutputAtLeast(3), TEN_SECONDS);
        Verdict other = engine.verify(perturbed, firstOutputAtLeast(3), TEN_SECONDS);

        assertThat(other.provenance().engine()).isEqualTo("bab");
        assertThat(bab.calls).hasValue(2);
    }

    @Test
    void changingThePropertyOrTheTimeLimitMissesTheCache() {
        CountingEngine bab = new CountingEngine();
        CachingEngine engine = new CachingEngine(bab, ProofCache.in(directory));
        Network net = TestNetworks.sumAndDifference();

        engine.verify(net, firstOutputAtLeast(3), TEN_SECONDS);
        engine.verify(net, firstOutputAtLeast(3.5), TEN_SECONDS);
        engine.verify(net, firstOutputAtLeast(3), Deadline.after(Duration.ofSeconds(11)));

        assertThat(bab.calls).hasValue(3);
    }

    @Test
    void corruptEntriesAreIgnoredAndTheQuestionIsDecidedAgain() throws IOException {
        CountingEngine bab = new CountingEngine();
        CachingEngine engine = new CachingEngine(bab, ProofCache.in(directory));
        Network net = TestNetworks.sumAndDifference();
        engine.verify(net, firstOutputAtLeast(3), TEN_SECONDS);
        Path entry = onlyEntry();
        String intact = Files.readString(entry);

        for (String corrupt : List.of(intact.substring(0, intact.length() / 2), intact.replace("unsat", "unsaf"),
                "", "garbage\n")) {
            Files.writeString(entry, corrupt, StandardCharsets.UTF_8);
            int before = bab.calls.get();
            Verdict verdict = engine.verify(net, firstOutputAtLeast(3), TEN_SECONDS);
            assertThat(verdict.provenance().engine()).as("verdict with entry %s", corrupt).isEqualTo("bab");
            assertThat(bab.calls).as("engine calls with entry %s", corrupt).hasValue(before + 1);
        }
    }

    @Test
    void anEntryWrittenForAnotherKeyIsNotTrusted() throws IOException {
        ProofCache cache = ProofCache.in(directory);
        CachingEngine engine = new CachingEngine(new CountingEngine(), cache);
        Network net = TestNetworks.sumAndDifference();
        engine.verify(net, firstOutputAtLeast(3), TEN_SECONDS);
        ProofKey unsatKey = engine.keyOf(net, firstOutputAtLeast(3), TEN_SECONDS);
        ProofKey satKey = engine.keyOf(net, firstOutputAtLeast(1.5), TEN_SECONDS);

        Files.copy(directory.resolve(unsatKey.fileName()), directory.resolve(satKey.fileName()));

        assertThat(cache.find(satKey)).isEmpty();
        assertThat(cache.find(unsatKey)).isPresent();
    }

    @Test
    void aStoredInputThatIsNoCounterexampleIsNotReplayed() {
        ProofCache cache = ProofCache.in(directory);
        CachingEngine engine = new CachingEngine(new CountingEngine(), cache);
        Network net = TestNetworks.sumAndDifference();
        Property property = firstOutputAtLeast(1.5);
        engine.verify(net, property, TEN_SECONDS);
        CachedProof.Unsafe stored = (CachedProof.Unsafe) cache.find(engine.keyOf(net, property, TEN_SECONDS))
                .orElseThrow();
        CachedProof.Unsafe wrong = new CachedProof.Unsafe(stored.key(), "test", Duration.ZERO, List.of(0.0, 0.0));
        CachedProof.Unsafe tooShort = new CachedProof.Unsafe(stored.key(), "test", Duration.ZERO, List.of(1.0));

        assertThat(stored.replay(net, property, Duration.ZERO)).containsInstanceOf(Sat.class);
        assertThat(wrong.replay(net, property, Duration.ZERO)).isEmpty();
        assertThat(tooShort.replay(net, property, Duration.ZERO)).isEmpty();
        assertThat(stored.replay(net, firstOutputAtLeast(1.0), Duration.ZERO)).as("other property").isEmpty();
    }

    @Test
    void readersNeverSeeAHalfWrittenEntryWhileOthersRewriteIt() throws Exception {
        ProofCache cache = ProofCache.in(directory);
        Network net = TestNetworks.sumAndDifference();
        Property property = firstOutputAtLeast(3);
        Verdict unsat = new BabEngine().verify(net, property, TEN_SECONDS);
        ProofKey key = ProofKey.of(net, property, "engine=bab");
        cache.store(key, unsat, Duration.ofSeconds(1));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> misses = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                misses.add(pool.submit(() -> {
                    int missed = 0;
                    for (int i = 0; i < 200; i++) {
                        cache.store(key, unsat, Duration.ofMillis(i));
                        missed += cache.find(key).isPresent() ? 0 : 1;
                    }
                    return missed;
                }));
            }
            for (Future<Integer> m : misses) {
                assertThat(m.get()).as("look-ups that found no intact entry").isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        try (var files = Files.list(directory)) {
            assertThat(files.toList()).as("entries and left-over temporary files").hasSize(1);
        }
    }

    @Test
    void timeoutsAreNeverStored() throws IOException {
        ProofCache cache = ProofCache.in(directory);
        Network net = TestNetworks.sumAndDifference();
        Provenance provenance = Provenance.of("test", Map.of(), Duration.ofSeconds(1), Map.of(),
                "sha256:0", "p");
        ProofKey key = ProofKey.of(net, firstOutputAtLeast(3), "engine=test");

        cache.store(key, new Timeout(Duration.ofSeconds(1), provenance), Duration.ofSeconds(1));

        assertThat(cache.find(key)).isEmpty();
        assertThat(Files.exists(directory) ? Files.list(directory).count() : 0L).isZero();
    }

    @Test
    void propertyDigestIgnoresTheSourceButSeesEveryBound() {
        Property a = firstOutputAtLeast(3);
        Property renamed = Property.of("other file", a.boxes().get(0), 2, a.cases().get(0).outputCondition());
        Property widened = Property.of("Y_0 >= 3", new Box(new double[] {0, 0}, new double[] {1, Math.nextUp(1.0)}),
                2, a.cases().get(0).outputCondition());

        assertThat(PropertyDigest.of(renamed)).isEqualTo(PropertyDigest.of(a));
        assertThat(PropertyDigest.of(widened)).isNotEqualTo(PropertyDigest.of(a));
        assertThat(PropertyDigest.of(firstOutputAtLeast(Math.nextUp(3.0)))).isNotEqualTo(PropertyDigest.of(a));
    }

    private Path onlyEntry() throws IOException {
        try (var files = Files.list(directory)) {
            List<Path> entries = files.toList();
            assertThat(entries).as("cache entries").hasSize(1);
            return entries.get(0);
        }
    }
}
