package io.exactline.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReportsTest {
    private static final Evidence COUNTEREXAMPLE = new Evidence(new double[] {0.6, 0.01171875}, new double[] {
        -0.0174955484750469, -0.018187941352046447}, "Y_1 <= Y_0 holds");

    private static final List<CheckResult> RESULTS = List.of(
            new CheckResult("proof", "3_3.onnx / prop_4.vnnlib", Outcome.PASSED, "holds", "unsat", "auto",
                    Duration.ofMillis(1250), false, "the property holds", Optional.empty()),
            new CheckResult("proof", "1_2.onnx / prop_2.vnnlib", Outcome.FAILED, "holds", "sat", "auto",
                    Duration.ofMillis(80), true, "the property is violated", Optional.of(COUNTEREXAMPLE)),
            new CheckResult("proof", "4_7.onnx / prop_1.vnnlib", Outcome.UNPROVED, "holds", "timeout after 60.0 s",
                    "auto", Duration.ofSeconds(60), false, "no verdict within 60.0 s", Optional.empty()),
            CheckResult.error("line", "odd <name> & \"quotes\"", "always class 0", "exactline", Duration.ZERO,
                    "bad.nnet line 3: 'x' is not a number"));

    @Test
    void junitXmlCountsFailuresErrorsAndUnprovedAsFailuresWhenTimeoutsFail() throws Exception {
        Element suite = parse(JunitXmlReport.render(RESULTS, true)).getDocumentElement();

        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("0");
        Element failed = (Element) suite.getElementsByTagName("testcase").item(1);
        assertThat(failed.getAttribute("name")).isEqualTo("1_2.onnx / prop_2.vnnlib");
        assertThat(failed.getAttribute("time")).isEqualTo("0.080");
        String failure = failed.getElementsByTagName("failure").item(0).getTextContent();
        assertThat(failure).contains("[0.6, 0.01171875]").contains("[-0.0174955484750469, -0.018187941352046447]")
                .contains("Y_1 <= Y_0 holds");
        Element error = (Element) suite.getElementsByTagName("testcase").item(3);
        assertThat(error.getAttribute("name")).isEqualTo("odd <name> & \"quotes\"");
        assertThat(error.getElementsByTagName("error").item(0).getAttributes().getNamedItem("message")
                .getNodeValue()).isEqualTo("bad.nnet line 3: 'x' is not a number");
    }

    @Test
    void junitXmlSkipsUnprovedChecksWhenTimeoutsDoNotFail() throws Exception {
        Element suite = parse(JunitXmlReport.render(RESULTS, false)).getDocumentElement();

        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        Element unproved = (Element) suite.getElementsByTagName("testcase").item(2);
        assertThat(unproved.getElementsByTagName("skipped").getLength()).isEqualTo(1);
        assertThat(unproved.getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void markdownHasOneRowPerCheckAndTheCounterexampleOfTheFailure() {
        String md = MarkdownReport.render(RESULTS, true);

        assertThat(md).contains("3 proofs, 1 line check, 1 from cache: 1 passed, 1"
                + " failed, 1 unproved, 1 error").contains("**The build fails.**");
        assertThat(md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| check"))).hasSize(4);
        assertThat(md).contains("| 3_3.onnx / prop_4.vnnlib | proof | holds | unsat | passed | auto | 1.250 | no |");
        assertThat(md).contains("### FAILED: 1_2.onnx / prop_2.vnnlib")
                .contains("- input x: `[0.6, 0.01171875]`").contains("- constraint: `Y_1 <= Y_0 holds`");
        assertThat(md).doesNotContain("### PASSED");
    }

    @Test
    void jsonCarriesTheSummaryAndEveryCheckWithEscapedText() {
        String json = JsonReport.render(RESULTS, true);

        assertThat(json).contains("\"summary\": {\"proofs\": 3, \"lines\": 1, \"passed\": 1, \"failed\": 1,"
                + " \"unproved\": 1, \"errors\": 1, \"cached\": 1}");
        assertThat(json).contains("\"buildFails\": true");
        assertThat(json).contains("\"evidence\": {\"input\": [0.6, 0.01171875], \"output\": [-0.0174955484750469,"
                + " -0.018187941352046447], \"constraint\": \"Y_1 <= Y_0 holds\"}");
        assertThat(json).contains("\"name\": \"odd <name> & \\\"quotes\\\"\"");
        assertThat(json.chars().filter(c -> c == '{').count()).isEqualTo(json.chars().filter(c -> c == '}').count());
    }

    @Test
    void buildLogBlockShowsTheCounterexampleAndNothingForAPass() {
        assertThat(BuildLog.block(RESULTS.get(0))).isEmpty();
        assertThat(BuildLog.block(RESULTS.get(1))).containsExactly(
                "FAILED proof 1_2.onnx / prop_2.vnnlib",
                "    expected:   holds",
                "    verdict:    sat (engine auto, from cache)",
                "    reason:     the property is violated",
                "    constraint: Y_1 <= Y_0 holds",
                "    input   x = [0.6, 0.01171875]",
                "    outputs y = [-0.0174955484750469, -0.018187941352046447]");
    }

    @Test
    void theBuildFailsOnFailuresAndErrorsAndOnUnprovedChecksOnlyWithFailOnTimeout() {
        Summary onlyUnproved = Summary.of(List.of(RESULTS.get(0), RESULTS.get(2)));

        assertThat(Summary.of(RESULTS).failsBuild(false)).isTrue();
        assertThat(onlyUnproved.failsBuild(true)).isTrue();
        assertThat(onlyUnproved.failsBuild(false)).isFalse();
        assertThat(Summary.of(List.of(RESULTS.get(0))).line())
                .isEqualTo("1 proof: 1 passed, 0 failed, 0 unproved, 0 errors");
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
