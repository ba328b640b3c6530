package io.exactline.maven;

import java.util.List;
import java.util.stream.Collectors;

import io.exactline.acasxu.Advisory;

/** What a line check requires of the network along its whole segment. */
sealed interface LineExpectation permits LineExpectation.Advisories, LineExpectation.AlwaysClass {

    /** The expectation in words, for reports. */
    String describe();

    /**
     * ACAS Xu: the advisories (minimal score) along the segment are exactly these, in order, each on an interval
     * of positive length, as {@link io.exactline.acasxu.LineCertifier} computes them.
     *
     * @param sequence the advisories from {@code t = 0} to {@code t = 1}, adjacent ones different
     */
    record Advisories(List<Advisory> sequence) implements LineExpectation {
        public Advisories {
            sequence = List.copyOf(sequence);
        }

        @Override
        public String describe() {
            return (sequence.size() == 1 ? "always advisory " : "advisories ")
                    + sequence.stream().map(Advisory::name).collect(Collectors.joining(", "));
        }
    }

    /**
     * The arg max of the outputs is {@code k} at every point of the segment, ties resolved to the lower index:
     * {@code y_k > y_j} for {@code j < k} and {@code y_k >= y_j} for {@code j > k}.
     *
     * @param k the class (output index)
     */
    record AlwaysClass(int k) implements LineExpectation {
        @Override
        public String describe() {
            return "always class " + k;
        }
    }
}
