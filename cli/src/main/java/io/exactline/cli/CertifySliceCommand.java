package io.exactline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import io.exactline.acasxu.AcasNetworks;
import io.exactline.acasxu.Advisory;
import io.exactline.acasxu.AdvisoryCell;
import io.exactline.acasxu.AdvisorySlice;
import io.exactline.acasxu.AxisRange;
import io.exactline.acasxu.CertifiedTile;
import io.exactline.acasxu.EncounterState;
import io.exactline.acasxu.InputSlice;
import io.exactline.acasxu.InputVariable;
import io.exactline.acasxu.PolicyPlot;
import io.exactline.acasxu.RectangleVerdict;
import io.exactline.acasxu.SliceCertifier;
import io.exactline.acasxu.TopDownView;
import io.exactline.acasxu.TopDownWindow;
import io.exactline.core.BadInputException;
import io.exactline.core.io.Decimals;
import io.exactline.core.network.Network;
import io.exactline.verifier.Engine;
import io.exactline.verifier.Engines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code exactline acasxu certify-slice}: the exact advisory cells of a two-input slice (or of the top-down view
 * of intruder positions), a policy plot, and certification of one advisory on a sub-rectangle.
 */
@Command(name = "certify-slice", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Partitions a slice of the ACAS Xu inputs exactly into cells of constant advisory.",
            "Linear slice: --x and --y name two inputs and their ranges (e.g. rho:0:60760, theta:-pi:pi), --fix the"
                + " other three; the cells are the ExactPlane regions, split along the lines where two scores tie.",
            "Top-down view (--top-down): the intruder at (x, y) ft around the ownship, which heads along +x, with y"
                + " positive to its left (theta = atan2(y, x)); --x/--y give min:max in ft (default -20000:20000),"
                + " --fix gives psi, vown, vint. The view is the polar image of the exact (rho, theta) slice.",
            "Prints a summary (regions, area shares); --csv prints the cells instead (region,advisory,area,vertices"
                + " with vertices 'u w' pairs separated by ';') followed by '# ' summary lines.",
            "--certify A --rect R (linear slices): the verifier (--engine, default auto) decides whether advisory A"
                + " holds on all of the sub-rectangle R: 'certified' (no input of R has another score at most A's,"
                + " proven with rounding accounted for), 'counterexample' (a point of R where the network, re-evaluated,"
                + " gives another advisory) or 'undecided' (timeout, or only ties).",
            "--tiles CxR (linear slices): cuts the slice into C x R tiles and certifies, for each, the advisory at its"
                + " centre the same way (--timeout per tile); prints one line per tile and outlines the certified"
                + " ones in the PNG."})
final class CertifySliceCommand implements Callable<Integer> {
    private static final double DEFAULT_HALF_WIDTH = 20000;

    @Spec
    CommandSpec spec;

    @Option(names = "--network", required = true, paramLabel = "NET",
            description = "bundled network id x_y (e.g. 1_1) or an .onnx/.nnet file")
    String network;

    @Option(names = "--x", paramLabel = "AXIS",
            description = "horizontal axis: name:min:max (e.g. rho:0:60760); with --top-down min:max in ft")
    String xAxis;

    @Option(names = "--y", paramLabel = "AXIS", description = "vertical axis, like --x")
    String yAxis;

    @Option(names = "--fix", paramLabel = "VALUES",
            description = "the other inputs as name=value pairs (e.g. psi=pi,vown=800,vint=600); inputs left out take"
                    + " the middle of the domain")
    String fix;

    @Option(names = "--top-down", description = "the top-down view of intruder positions in ft")
    boolean topDown;

    @Option(names = "--png", paramLabel = "FILE", description = "write the policy plot to this PNG file")
    Path png;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "960x720",
            description = "PNG size in pixels (default: ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--csv", description = "print the advisory cells as CSV")
    boolean csv;

    @Option(names = "--certify", paramLabel = "ADVISORY", description = "advisory to certify: COC, WL, WR, SL or SR")
    String certify;

    @Option(names = "--rect", paramLabel = "RECT",
            description = "the sub-rectangle for --certify: two axes like --x and --y, e.g. rho:2000:6000,theta:-1.5:-1")
    String rect;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "auto",
            description = "verification engine for --certify: auto or bab (default: ${DEFAULT-VALUE})")
    String engine;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "60",
            description = "time limit for --certify in seconds (default: ${DEFAULT-VALUE})")
    double timeout;

    @Option(names = "--tiles", paramLabel = "CxR",
            description = "certify the advisory of each of C x R tiles of a linear slice, e.g. 8x8")
    String tiles;

    @Override
    public Integer call() {
        if ((certify == null) != (rect == null)) {
            throw new BadInputException("--certify and --rect go together: give the advisory and the rectangle");
        }
        if (topDown && tiles != null) {
            throw new BadInputException("--tiles works on linear slices, not on the top-down view; give --x"
                    + " rho:MIN:MAX --y theta:MIN:MAX instead of --top-down");
        }
        if (topDown && certify != null) {
            throw new BadInputException("--certify works on linear slices, not on the top-down view; give --x"
                    + " rho:MIN:MAX --y theta:MIN:MAX instead of --top-down");
        }
        if (!(timeout > 0) || Double.isInfinite(timeout)) {
            throw new BadInputException("--timeout must be a positive number of seconds, got " + timeout);
        }
        Engine chosen = Engines.byName(engine);
        Network net = AcasNetworks.resolve(network);
        int[] pixels = size();
        PrintWriter out = spec.commandLine().getOut();
        AdvisorySlice slice;
        PolicyPlot plot;
        if (topDown) {
            TopDownView view = TopDownView.compute(net, window());
            slice = view.polar();
            plot = PolicyPlot.of(view);
        } else {
            slice = AdvisorySlice.compute(net, linearSlice());
            plot = PolicyPlot.of(slice);
        }
        Optional<String> verdict = Optional.empty();
        if (certify != null) {
            InputSlice rectangle = rectangle(slice.slice());
            Advisory advisory = Advisory.parse(certify);
            RectangleVerdict result = SliceCertifier.certify(net, rectangle, advisory, chosen, duration());
            verdict = Optional.of(verdict(result, rectangle));
            plot = plot.withHighlight(highlight(result, rectangle));
        }
        List<CertifiedTile> tiled = List.of();
        if (tiles != null) {
            int[] counts = dimensions("--tiles", tiles, "CxR tiles, e.g. 8x8");
            tiled = SliceCertifier.certifyTiles(net, slice.slice(), counts[0], counts[1], chosen, duration());
            plot = plot.withTiles(tiled);
        }
        if (csv) {
            out.print(cells(slice));
        }
        String prefix = csv ? "# " : "";
        out.print(summary(slice, net, prefix));
        if (topDown) {
            TopDownWindow w = window();
            out.println(prefix + "view: x " + w.xMin() + ".." + w.xMax() + " ft, y " + w.yMin() + ".." + w.yMax()
                    + " ft (the slice above, mapped by x = rho cos theta, y = rho sin theta)");
        }
        if (png != null) {
            plot.withSize(pixels[0], pixels[1]).writePng(png);
            out.println(prefix + "png: " + png);
        }
        verdict.ifPresent(text -> out.print(text.lines().map(line -> prefix + line + "\n")
                .reduce("", String::concat)));
        if (!tiled.isEmpty()) {
            out.print(tileLines(tiled, prefix));
        }
        out.flush();
        return 0;
    }

    private InputSlice linearSlice() {
        if (xAxis == null || yAxis == null) {
            throw new BadInputException("a linear slice needs --x and --y, e.g. --x rho:0:60760 --y theta:-pi:pi"
                    + " (or --top-down for the view of intruder positions)");
        }
        AxisRange x = axis("--x", xAxis);
        AxisRange y = axis("--y", yAxis);
        Map<InputVariable, Double> fixed = fixedValues();
        for (InputVariable v : new InputVariable[] {x.input(), y.input()}) {
            if (fixed.containsKey(v)) {
                throw new BadInputException("--fix gives " + v.key() + ", which varies along an axis of the slice");
            }
        }
        return new InputSlice(x, y, EncounterArgument.complete(fixed));
    }

    private TopDownWindow window() {
        double[] x = feet("--x", xAxis, "x");
        double[] y = feet("--y", yAxis, "y");
        Map<InputVariable, Double> fixed = fixedValues();
        for (InputVariable v : new InputVariable[] {InputVariable.RHO, InputVariable.THETA}) {
            if (fixed.containsKey(v)) {
                throw new BadInputException("--fix gives " + v.key() + ", which the top-down view varies; fix psi,"
                        + " vown and vint only");
            }
        }
        EncounterState state = EncounterArgument.complete(fixed);
        return new TopDownWindow(x[0], x[1], y[0], y[1], state.psi(), state.vOwn(), state.vInt());
    }

    private Map<InputVariable, Double> fixedValues() {
        return fix == null ? Map.of() : EncounterArgument.values("--fix", fix);
    }

    private static AxisRange axis(String option, String text) {
        try {
            return AxisRange.parse(text);
        } catch (BadInputException e) {
            throw new BadInputException(option + ": " + e.getMessage(), e);
        }
    }

    /** {@code min:max} or {@code name:min:max} in feet, default the default half width around the ownship. */
    private static double[] feet(String option, String text, String name) {
        if (text == null) {
            return new double[] {-DEFAULT_HALF_WIDTH, DEFAULT_HALF_WIDTH};
        }
        String[] parts = text.split(":", -1);
        if (parts.length == 3 && parts[0].trim().equalsIgnoreCase(name)) {
            parts = new String[] {parts[1], parts[2]};
        }
        if (parts.length != 2) {
            throw new BadInputException(option + ": '" + text + "' must be MIN:MAX in ft, e.g. -20000:20000");
        }
        try {
            return new double[] {Decimals.parse(parts[0].trim()), Decimals.parse(parts[1].trim())};
        } catch (NumberFormatException e) {
            throw new BadInputException(option + ": '" + text + "' must be MIN:MAX in ft with decimal numbers", e);
        }
    }

    private int[] size() {
        return dimensions("--size", size, "WIDTHxHEIGHT in pixels, e.g. 960x720");
    }

    /** {@code AxB} as two numbers; {@code what} says what they are in the message. */
    private static int[] dimensions(String option, String text, String what) {
        String[] parts = text.toLowerCase(Locale.ROOT).split("x", -1);
        try {
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
            }
        } catch (NumberFormatException e) {
            throw new BadInputException(option + ": '" + text + "' must be " + what, e);
        }
        throw new BadInputException(option + ": '" + text + "' must be " + what);
    }

    private Duration duration() {
        return Duration.ofNanos((long) Math.min(timeout * 1e9, Long.MAX_VALUE / 2.0));
    }

    /** One line per tile and a count: {@code tile rho:a:b,theta:c:d SL certified}. */
    private static String tileLines(List<CertifiedTile> tiled, String prefix) {
        StringBuilder s = new StringBuilder();
        int certified = 0;
        int refuted = 0;
        for (CertifiedTile tile : tiled) {
            RectangleVerdict v = tile.verdict();
            String word = v instanceof RectangleVerdict.Certified ? "certified"
                    : v instanceof RectangleVerdict.Counterexample ? "counterexample" : "undecided";
            certified += tile.certified() ? 1 : 0;
            refuted += v instanceof RectangleVerdict.Counterexample ? 1 : 0;
            s.append(prefix).append("tile ").append(tile.rectangle().x()).append(',').append(tile.rectangle().y())
                    .append(' ').append(v.advisory()).append(' ').append(word);
            if (v instanceof RectangleVerdict.Counterexample c) {
                s.append(": ").append(c.found()).append(" at ").append(EncounterArgument.format(c.state()));
            } else if (v instanceof RectangleVerdict.Undecided u) {
                s.append(": ").append(Failures.oneLine(u.reason()));
            }
            s.append('\n');
        }
        return s.append(prefix).append("tiles: ").append(certified).append(" certified, ").append(refuted)
                .append(" counterexample, ").append(tiled.size() - certified - refuted).append(" undecided of ")
                .append(tiled.size()).append('\n').toString();
    }

    private InputSlice rectangle(InputSlice slice) {
        int comma = rect.indexOf(',');
        if (comma < 0) {
            throw new BadInputException("--rect: '" + rect + "' must be two axes separated by a comma, e.g. "
                    + slice.x().input().key() + ":MIN:MAX," + slice.y().input().key() + ":MIN:MAX");
        }
        AxisRange x = axis("--rect", rect.substring(0, comma));
        AxisRange y = axis("--rect", rect.substring(comma + 1));
        if (x.input() != slice.x().input() || y.input() != slice.y().input()) {
            throw new BadInputException("--rect varies " + x.input().key() + " and " + y.input().key()
                    + "; give the slice's axes in order, " + slice.x().input().key() + " then "
                    + slice.y().input().key());
        }
        if (x.min() < slice.x().min() || x.max() > slice.x().max() || y.min() < slice.y().min()
                || y.max() > slice.y().max()) {
            throw new BadInputException("--rect " + rect + " reaches outside the slice " + slice.x() + ", "
                    + slice.y());
        }
        return slice.withRanges(x, y);
    }

    private static String verdict(RectangleVerdict verdict, InputSlice rectangle) {
        String where = rectangle.x() + "," + rectangle.y();
        if (verdict instanceof RectangleVerdict.Certified c) {
            return "certified\n" + c.advisory() + " holds on all of " + where + ": proven by the verifier (" + c.engine()
                    + ", " + String.format(Locale.ROOT, "%.3f", c.elapsed().toNanos() / 1e9) + " s)\n";
        }
        if (verdict instanceof RectangleVerdict.Counterexample c) {
            return "counterexample\n" + c.advisory() + " fails on " + where + " at "
                    + EncounterArgument.format(c.state()) + ", where the network gives " + c.found() + " (scores "
                    + NumberText.commaSeparated(c.scores()) + ")\n";
        }
        RectangleVerdict.Undecided u = (RectangleVerdict.Undecided) verdict;
        return "undecided\n" + u.advisory() + " on " + where + ": " + Failures.oneLine(u.reason()) + "\n";
    }

    private static PolicyPlot.Highlight highlight(RectangleVerdict verdict, InputSlice rectangle) {
        AxisRange x = rectangle.x();
        AxisRange y = rectangle.y();
        String label;
        Optional<double[]> marker = Optional.empty();
        if (verdict instanceof RectangleVerdict.Counterexample c) {
            label = c.advisory() + " fails: " + c.found() + " at \u00d7";
            double[] v = c.state().toArray();
            marker = Optional.of(new double[] {v[x.input().index()], v[y.input().index()]});
        } else if (verdict instanceof RectangleVerdict.Certified c) {
            label = "certified " + c.advisory();
        } else {
            label = verdict.advisory() + " undecided";
        }
        return new PolicyPlot.Highlight(x.min(), x.max(), y.min(), y.max(), label, marker);
    }

    static String cells(AdvisorySlice slice) {
        StringBuilder s = new StringBuilder("region,advisory,area,vertices\n");
        for (AdvisoryCell cell : slice.cells()) {
            s.append(cell.region()).append(',').append(cell.advisory()).append(',').append(NumberText.of(cell.area()))
                    .append(',');
            for (int k = 0; k < cell.vertexCount(); k++) {
                double[] v = cell.vertex(k);
                s.append(k == 0 ? "" : ";").append(NumberText.of(v[0])).append(' ').append(NumberText.of(v[1]));
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static String summary(AdvisorySlice slice, Network net, String prefix) {
        InputSlice s = slice.slice();
        StringBuilder text = new StringBuilder();
        text.append(prefix).append("network: ").append(net.source()).append('\n');
        text.append(prefix).append("slice: ").append(s.x()).append(" x ").append(s.y()).append(", fixed ")
                .append(EncounterArgument.format(s.fixed(), Set.of(s.x().input(), s.y().input()))).append('\n');
        text.append(prefix).append("regions: ").append(slice.regionCount()).append(" linear regions, ")
                .append(slice.splitRegions()).append(" split along advisory boundaries, ").append(slice.cells().size())
                .append(" cells\n");
        text.append(prefix).append("area:");
        for (Map.Entry<Advisory, Double> e : slice.areaFractions().entrySet()) {
            text.append(' ').append(e.getKey()).append(' ')
                    .append(String.format(Locale.ROOT, "%.4f%%", 100 * e.getValue()));
        }
        return text.append('\n').toString();
    }
}
