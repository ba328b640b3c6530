package io.exactline.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.exactline.verifier.EngineProvider;
import io.exactline.verifier.Engines;
import io.exactline.verifier.Guarantee;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code exactline engines}: the installed engines, built-in ones first, one line each with what its answers are
 * worth: complete (decides every property given time), sound under floating point (an unsat holds for the
 * real-valued network despite rounding), certificates (unsat comes with a checkable certificate), and its method.
 */
@Command(name = "engines", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Lists the installed verification engines (built-in and plug-ins found on the class path)"
                + " with their guarantees.",
            "A plug-in's sat is always re-checked on the network; its unsat is reported as 'unsat (engine NAME,"
                + " unchecked)' unless it carries a certificate the checker accepts."})
final class EnginesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(table(Engines.providers()));
        out.flush();
        return 0;
    }

    /** The header, then one line per provider. */
    static String table(List<EngineProvider> providers) {
        int width = Math.max(6, providers.stream().mapToInt(p -> p.name().length()).max().orElse(0));
        String format = "%-" + width + "s  %-8s  %-8s  %-9s  %-12s  %s%n";
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, format, "engine", "kind", "complete",
                "sound-fp", "certificates", "method"));
        for (EngineProvider p : providers) {
            Guarantee g = p.guarantee();
            boolean builtIn = Engines.isBuiltIn(p);
            String summary = builtIn ? g.summary()
                    : g.summary() + " (plug-in: sat re-checked; unsat unchecked unless its certificate is accepted)";
            s.append(String.format(Locale.ROOT, format, p.name(), builtIn ? "built-in" : "plug-in",
                    yesNo(g.complete()), yesNo(g.soundInFloatingPoint()), yesNo(g.certificates()), summary));
        }
        return s.toString();
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
