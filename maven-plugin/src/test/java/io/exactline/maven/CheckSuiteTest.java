package io.exactline.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class CheckSuiteTest {
    private static CheckSuite.Check passing(String name) {
        return new CheckSuite.Check("proof", name, "holds", () -> new CheckResult("proof", name, Outcome.PASSED,
                "holds", "unsat", "auto", Duration.ZERO, false, "ok", Optional.empty()));
    }

    @Test
    void resultsComeInTheOrderGivenAndProgressCountsEveryCheckOnce() {
        List<CheckSuite.Check> checks = IntStream.range(0, 20).mapToObj(i -> passing("c" + i))
                .collect(Collectors.toList());
        List<Integer> done = new ArrayList<>();

        List<CheckResult> results = CheckSuite.run(checks, 3, p -> done.add(p.done()));

        assertThat(results).extracting(CheckResult::name)
                .containsExactlyElementsOf(checks.stream().map(CheckSuite.Check::name).collect(Collectors.toList()));
        assertThat(done).containsExactlyElementsOf(IntStream.rangeClosed(1, 20).boxed().collect(Collectors.toList()));
    }

    @Test
    void aCheckThatThrowsBecomesAnErrorAndTheOthersStillRun() {
        CheckSuite.Check broken = new CheckSuite.Check("line", "broken", "always class 0", () -> {
            throw new IllegalStateException("bug");
        });

        List<CheckResult> results = CheckSuite.run(List.of(passing("a"), broken, passing("b")), 2, p -> { });

        assertThat(results).extracting(CheckResult::outcome)
                .containsExactly(Outcome.PASSED, Outcome.ERROR, Outcome.PASSED);
        assertThat(results.get(1).message()).contains("internal error").contains("bug");
        assertThat(results.get(1).kind()).isEqualTo("line");
    }
}
