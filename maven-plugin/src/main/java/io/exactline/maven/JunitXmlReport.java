package io.exactline.maven;

import java.util.List;
import java.util.Locale;

/**
 * The checks as a JUnit XML test suite (the format of Surefire's {@code TEST-*.xml}, which CI servers show as
 * tests): one {@code <testcase>} per check, classname {@code exactline.proof} or {@code exactline.line}. A failed
 * check is a {@code <failure>} whose text is the log block (counterexample input, outputs, violated constraint);
 * a check that could not run is an {@code <error>}; an unproved check is a {@code <failure>} when
 * {@code failOnTimeout} is set and {@code <skipped>} otherwise. Every test case's {@code <system-out>} gives the
 * expectation, verdict, engine and whether it came from the cache.
 */
final class JunitXmlReport {
    /** The report's file name under the report directory. */
    static final String FILE = "TEST-exactline.xml";

    private JunitXmlReport() {
    }

    static String render(List<CheckResult> results, boolean failOnTimeout) {
        Summary summary = Summary.of(results);
        int unprovedFailures = failOnTimeout ? summary.unproved() : 0;
        double total = results.stream().mapToDouble(CheckResult::seconds).sum();
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append(String.format(Locale.ROOT,
                "<testsuite name=\"exactline\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"%d\""
                        + " time=\"%.3f\">\n", summary.total(), summary.failed() + unprovedFailures, summary.errors(),
                summary.unproved() - unprovedFailures, total));
        for (CheckResult r : results) {
            s.append("  <testcase classname=\"exactline.").append(r.kind()).append("\" name=\"")
                    .append(escape(r.name())).append("\" time=\"").append(Text.seconds(r)).append("\">\n");
            String details = String.join("\n", BuildLog.block(r));
            switch (r.outcome()) {
                case FAILED -> element(s, "failure", r.message(), "exactline." + r.verdict(), details);
                case ERROR -> element(s, "error", r.message(), "exactline.error", details);
                case UNPROVED -> {
                    if (failOnTimeout) {
                        element(s, "failure", r.message(), "exactline.unproved", details);
                    } else {
                        s.append("    <skipped message=\"").append(escape(r.message())).append("\"/>\n");
                    }
                }
                case PASSED -> {
                }
            }
            s.append("    <system-out>").append(escape("expected " + r.expected() + "; verdict "
                    + Text.verdict(r) + "; " + r.message())).append("</system-out>\n");
            s.append("  </testcase>\n");
        }
        return s.append("</testsuite>\n").toString();
    }

    private static void element(StringBuilder s, String name, String message, String type, String body) {
        s.append("    <").append(name).append(" message=\"").append(escape(message)).append("\" type=\"")
                .append(escape(type)).append("\">").append(escape(body)).append("</").append(name).append(">\n");
    }

    /** Text as XML character data or attribute value; characters XML 1.0 cannot hold become '?'. */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&apos;");
                default -> s.append(c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? '?' : c);
            }
        }
        return s.toString();
    }
}
