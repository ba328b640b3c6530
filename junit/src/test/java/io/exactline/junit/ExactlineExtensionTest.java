package io.exactline.junit;

import static io.exactline.junit.ExactlineAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import io.exactline.core.network.Network;
import io.exactline.verifier.property.Property;

/** Runs sample test classes (nested here, so Surefire does not run them itself) through the extension. */
class ExactlineExtensionTest {
    private static final String NET = "classpath:io/exactline/junit/relu-sum.nnet";
    private static final String SAFE = "classpath:io/exactline/junit/y0-reaches-y1-small-box.vnnlib";
    private static final String UNSAFE = "classpath:io/exactline/junit/y0-reaches-y1-large-box.vnnlib";

    @TempDir
    Path cache;

    static class Proofs {
        @ProofTest
        void safe(@NetworkFile(NET) Network net, @Vnnlib(SAFE) Property property) {
            assertThat(net).satisfies(property);
        }

        @ProofTest
        void unsafe(@NetworkFile(NET) Network net, @Vnnlib(UNSAFE) Property property) {
            assertThat(net).satisfies(property);
        }
    }

    static class ShortLimit {
        @ProofTest(timeout = 50, unit = TimeUnit.MILLISECONDS)
        void undecided(@NetworkFile(NET) Network net, @Vnnlib(SAFE) Property property) {
            assertThat(net).using(new UndecidedEngine(true)).satisfies(property);
        }
    }

    static class BadLocations {
        @ProofTest
        void missingNetwork(@NetworkFile("classpath:io/exactline/junit/missing.onnx") Network net) {
            assertThat(net).isNotNull();
        }

        @ProofTest
        void unknownAcasNetwork(@NetworkFile("acasxu:6_1") Network net) {
            assertThat(net).isNotNull();
        }
    }

    static class OtherLocations {
        private static final double[] X = {0.1, -0.2, 0.3, 0.05, -0.4};

        @ProofTest
        void bundled(@NetworkFile("acasxu:1_1") Network net, @Vnnlib("acasxu:prop_3") Property property) {
            assertThat(net.inputSize()).isEqualTo(property.inputCount());
            assertThat(property.source()).isEqualTo("acasxu:prop_3");
        }

        @ProofTest
        void onnxResource(@NetworkFile("classpath:io/exactline/acasxu/onnx/ACASXU_run2a_1_1_batch_2000.onnx")
                Network resource, @NetworkFile("acasxu:1_1") Network bundled) {
            assertThat(resource.source()).isEqualTo(
                    "classpath:io/exactline/acasxu/onnx/ACASXU_run2a_1_1_batch_2000.onnx");
            assertThat(resource.evaluate(X)).containsExactly(bundled.evaluate(X));
        }

        @ProofTest
        void filePath(@NetworkFile("src/test/resources/io/exactline/junit/relu-sum.nnet") Network net,
                @Vnnlib("src/test/resources/io/exactline/junit/y0-reaches-y1-small-box.vnnlib") Property property) {
            assertThat(net.evaluate(new double[] {0.25, 2})).containsExactly(2.25, 0.6);
            assertThat(property.boundingBox().upper()).containsExactly(0.25, 0.25);
        }
    }

    private EngineExecutionResults run(DiscoverySelector selector, String cacheDirectory) {
        return EngineTestKit.engine("junit-jupiter").selectors(selector)
                .configurationParameter(ExactlineExtension.CACHE, cacheDirectory).execute();
    }

    private static List<Map<String, String>> reports(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs()).toList();
    }

    private static String failureMessage(Event event) {
        return event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage();
    }

    @Test
    void resolvesNetworksAndPropertiesAndReportsEachProof() {
        EngineExecutionResults results = run(selectMethod(Proofs.class, "safe", Network.class.getName() + ","
                + Property.class.getName()), cache.toString());

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(reports(results)).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("network", NET).containsEntry("property", SAFE)
                    .containsEntry("verdict", "unsat").containsEntry("cached", "false")
                    .containsKeys("engine", "time");
        });
    }

    @Test
    void aSecondRunOfAnUnchangedProofIsAnsweredFromTheCache() {
        run(selectClass(Proofs.class), cache.toString());
        EngineExecutionResults again = run(selectClass(Proofs.class), cache.toString());

        assertThat(reports(again)).hasSize(2).allSatisfy(entry -> assertThat(entry).containsEntry("cached", "true"));
        again.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
    }

    @Test
    void theCacheCanBeSwitchedOff() {
        run(selectClass(Proofs.class), "off");
        EngineExecutionResults again = run(selectClass(Proofs.class), "off");

        assertThat(reports(again)).hasSize(2).allSatisfy(entry -> assertThat(entry).containsEntry("cached", "false"));
    }

    @Test
    void aViolatedPropertyFailsTheTestWithTheCounterexample() {
        EngineExecutionResults results = run(selectClass(Proofs.class), cache.toString());

        Event failed = results.testEvents().failed().stream().findFirst().orElseThrow();
        assertThat(failureMessage(failed))
                .contains("Expecting network " + NET + " to satisfy property " + UNSAFE + ", but it does not.")
                .contains("input   x    = [")
                .contains("unsafe condition met:");
        assertThat(reports(results)).anySatisfy(entry -> assertThat(entry).containsEntry("verdict", "sat"));
    }

    @Test
    void theTimeLimitOfTheTestEndsItsProofsAsAFailedTimeout() {
        EngineExecutionResults results = run(selectClass(ShortLimit.class), cache.toString());

        Event failed = results.testEvents().failed().stream().findFirst().orElseThrow();
        assertThat(failureMessage(failed)).contains("timeout after PT0.05S");
        assertThat(reports(results)).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("verdict", "timeout"));
    }

    @Test
    void aLocationThatCannotBeReadFailsTheTestNamingIt() {
        EngineExecutionResults results = run(selectClass(BadLocations.class), cache.toString());

        results.testEvents().assertStatistics(s -> s.failed(2));
        assertThat(results.testEvents().failed().stream().map(ExactlineExtensionTest::failureMessage))
                .anySatisfy(m -> assertThat(m).contains("classpath:io/exactline/junit/missing.onnx")
                        .contains("no such resource"))
                .anySatisfy(m -> assertThat(m).contains("6_1"));
    }

    @Test
    void bundledFilesClasspathResourcesAndFilePathsResolve() {
        EngineExecutionResults results = run(selectClass(OtherLocations.class), cache.toString());

        assertThat(results.testEvents().failed().stream().map(ExactlineExtensionTest::failureMessage)).isEmpty();
        results.testEvents().assertStatistics(s -> s.succeeded(3));
    }
}
