package io.exactline.maven;

import java.util.List;
import java.util.Locale;

import io.exactline.core.io.JsonText;

/**
 * The checks as one JSON object: {@code summary} (counts), {@code failOnTimeout}, {@code buildFails}, and
 * {@code checks}, one object per check with kind, name, outcome, expected, verdict, engine, seconds, cached,
 * message and, when there is a deciding point, {@code evidence} with {@code input}, {@code output} (numbers in
 * full double precision, null for a non-finite value) and {@code constraint}.
 */
final class JsonReport {
    /** The report's file name under the report directory. */
    static final String FILE = "exactline.json";

    private JsonReport() {
    }

    static String render(List<CheckResult> results, boolean failOnTimeout) {
        Summary sum = Summary.of(results);
        StringBuilder s = new StringBuilder("{\n");
        s.append(String.format(Locale.ROOT, "  \"summary\": {\"proofs\": %d, \"lines\": %d, \"passed\": %d,"
                + " \"failed\": %d, \"unproved\": %d, \"errors\": %d, \"cached\": %d},\n", sum.proofs(), sum.lines(),
                sum.passed(), sum.failed(), sum.unproved(), sum.errors(), sum.cached()));
        s.append("  \"failOnTimeout\": ").append(failOnTimeout).append(",\n");
        s.append("  \"buildFails\": ").append(sum.failsBuild(failOnTimeout)).append(",\n");
        s.append("  \"checks\": [");
        for (int i = 0; i < results.size(); i++) {
            CheckResult r = results.get(i);
            s.append(i > 0 ? ",\n" : "\n").append("    {");
            s.append("\"kind\": ").append(JsonText.quote(r.kind()));
            s.append(", \"name\": ").append(JsonText.quote(r.name()));
            s.append(", \"outcome\": ").append(JsonText.quote(Text.outcome(r.outcome())));
            s.append(", \"expected\": ").append(JsonText.quote(r.expected()));
            s.append(", \"verdict\": ").append(JsonText.quote(r.verdict()));
            s.append(", \"engine\": ").append(JsonText.quote(r.engine()));
            s.append(", \"seconds\": ").append(Text.seconds(r));
            s.append(", \"cached\": ").append(r.cached());
            s.append(", \"message\": ").append(JsonText.quote(r.message()));
            r.evidence().ifPresent(e -> s.append(", \"evidence\": {\"input\": ").append(numbers(e.input()))
                    .append(", \"output\": ").append(numbers(e.output())).append(", \"constraint\": ")
                    .append(JsonText.quote(e.constraint())).append('}'));
            s.append('}');
        }
        return s.append(results.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    /** Doubles in full precision; JSON has no NaN or infinities, so a non-finite value (an overflow) is null. */
    private static String numbers(double[] values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            s.append(i > 0 ? ", " : "").append(Double.isFinite(values[i]) ? Double.toString(values[i]) : "null");
        }
        return s.append(']').toString();
    }
}
