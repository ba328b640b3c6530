package io.exactline.preconditions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.core.network.Network;
import io.exactline.verifier.lp.GlopLpSolver;
import io.exactline.verifier.pattern.OutputProperty;
import io.exactline.verifier.pattern.PatternNetwork;
import io.exactline.verifier.pattern.PatternRegion;
import io.exactline.verifier.property.Box;

class PreconditionMinerTest {
    private static final Box DOMAIN = new Box(new double[] {-1, -1}, new double[] {1, 1});

    @TempDir
    Path temp;

    @Test
    void coverageCountsThePropertySamplesThatSatisfyAProvenPrecondition() throws IOException {
        Network net = RandomNetworks.relu(new Random(41), 2, 6, 5, 3);
        PatternNetwork patterns = PatternNetwork.of(net);
        OutputProperty property = OutputProperty.argmax(0, 3);
        MiningSettings settings = new MiningSettings(property, DOMAIN, 300, 7, Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofMinutes(10));
        List<String> progress = new ArrayList<>();

        MiningReport report = new PreconditionMiner(patterns, settings, new GlopLpSolver()).mine(temp, progress::add);

        assertThat(report.complete()).isTrue();
        assertThat(report.entries()).isNotEmpty();
        // Independent recount: draw the same samples and test every pattern on them.
        Random random = new Random(7);
        int withProperty = 0;
        int covered = 0;
        for (int s = 0; s < 300; s++) {
            double[] x = {-1 + 2 * random.nextDouble(), -1 + 2 * random.nextDouble()};
            if (property.holdsAt(net.evaluate(x))) {
                withProperty++;
                boolean any = report.entries().stream().anyMatch(e -> e.precondition().pattern().satisfiedBy(x));
                covered += any ? 1 : 0;
            }
        }
        assertThat(report.propertySamples()).isEqualTo(withProperty);
        assertThat(report.covered()).isEqualTo(covered);
        assertThat(report.relaxed()).isEqualTo(report.entries().size() + report.notProven());
        assertThat(report.covered() + report.notProven()).as("every uncovered property sample was relaxed and failed")
                .isEqualTo(withProperty);
        for (MiningReport.Entry e : report.entries()) {
            e.precondition().underApproximation().ifPresent(box -> {
                PatternRegion region = new PatternRegion(e.precondition().pattern(), DOMAIN);
                assertThat(region.contains(box.lower())).as("%s lower corner of %s", region, box).isTrue();
                assertThat(region.contains(box.upper())).as("%s upper corner of %s", region, box).isTrue();
            });
        }
        assertThat(progress.get(0)).isEqualTo("300 samples drawn, " + withProperty + " with argmax=0");
        assertThat(Files.readString(temp.resolve("report.md"))).contains("coverage: " + covered + " of "
                + withProperty);
    }

    @Test
    void aResumedRunReadsTheCheckpointAndProvesNothingAgain() throws IOException {
        Network net = RandomNetworks.relu(new Random(42), 2, 6, 5, 3);
        PatternNetwork patterns = PatternNetwork.of(net);
        MiningSettings settings = new MiningSettings(OutputProperty.argmax(1, 3), DOMAIN, 200, 3,
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(10));
        MiningReport first = new PreconditionMiner(patterns, settings, new GlopLpSolver()).mine(temp, line -> { });
        List<String> checkpoint = Files.readAllLines(temp.resolve(Checkpoint.FILE));
        // A run killed while writing leaves half a line; the resumed run drops it.
        Files.writeString(temp.resolve(Checkpoint.FILE), "{\"kind\": \"precondition\", \"sam",
                java.nio.file.StandardOpenOption.APPEND);
        List<String> progress = new ArrayList<>();

        MiningReport second = new PreconditionMiner(PatternNetwork.of(net), settings, new GlopLpSolver())
                .mine(temp, progress::add);

        assertThat(progress).anyMatch(l -> l.startsWith("resumed: " + first.relaxed() + " samples"));
        assertThat(progress).noneMatch(l -> l.startsWith("sample "));
        assertThat(Files.readAllLines(temp.resolve(Checkpoint.FILE))).isEqualTo(checkpoint);
        assertThat(second.covered()).isEqualTo(first.covered());
        assertThat(second.entries()).hasSameSizeAs(first.entries());
        for (int i = 0; i < first.entries().size(); i++) {
            MinedPrecondition a = first.entries().get(i).precondition();
            MinedPrecondition b = second.entries().get(i).precondition();
            assertThat(b.pattern().encode()).isEqualTo(a.pattern().encode());
            assertThat(b).usingRecursiveComparison().ignoringFields("pattern").isEqualTo(a);
        }
    }
}
