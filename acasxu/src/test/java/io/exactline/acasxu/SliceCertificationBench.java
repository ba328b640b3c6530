package io.exactline.acasxu;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.exactline.core.network.Network;
import io.exactline.verifier.Engines;

/**
 * Counts and times sub-rectangle certification by the verifier: the full (rho, theta) slice (psi = pi,
 * v_own = v_int = 800 ft/s, a head-on intruder) of networks 1_1, 2_5 and 5_9 cut into tiles, each asked whether the
 * advisory at its centre holds on all of it ({@link SliceCertifier#certifyTiles}, engine {@code auto}). Beside it,
 * the exact plane partition of each tile says whether the tile has one advisory (up to ties): a certified tile
 * must be one of those, and a tile with one advisory that is not certified shows where the verifier fell short.
 *
 * <p>Run after {@code mvn -pl acasxu -am test-compile}, with the module's test classpath:
 * {@code java -cp <classpath> io.exactline.acasxu.SliceCertificationBench [tiles per side] [timeout s]}.
 */
public final class SliceCertificationBench {
    private static final String[] NETWORKS = {"1_1", "2_5", "5_9"};

    private SliceCertificationBench() {
    }

    public static void main(String[] args) {
        int side = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        double timeout = args.length > 1 ? Double.parseDouble(args[1]) : 30;
        InputSlice slice = new InputSlice(AxisRange.full(InputVariable.RHO),
                new AxisRange(InputVariable.THETA, -Math.PI, Math.PI), new EncounterState(0, 0, Math.PI, 800, 800));
        for (String id : NETWORKS) {
            Network network = AcasNetworks.bundled(NetworkId.parse(id));
            long start = System.nanoTime();
            List<CertifiedTile> tiles = SliceCertifier.certifyTiles(network, slice, side, side,
                    Engines.byName("auto"), Duration.ofMillis((long) (timeout * 1000)));
            double seconds = (System.nanoTime() - start) / 1e9;
            int certified = 0;
            int refuted = 0;
            int undecided = 0;
            int single = 0;
            int certifiedButMixed = 0;
            double[] certifiedSeconds = new double[tiles.size()];
            for (CertifiedTile tile : tiles) {
                boolean oneAdvisory = advisories(network, tile.rectangle()).size() == 1;
                single += oneAdvisory ? 1 : 0;
                if (tile.verdict() instanceof RectangleVerdict.Certified c) {
                    certifiedSeconds[certified++] = c.elapsed().toNanos() / 1e9;
                    certifiedButMixed += oneAdvisory ? 0 : 1;
                } else if (tile.verdict() instanceof RectangleVerdict.Counterexample) {
                    refuted++;
                } else {
                    undecided++;
                }
            }
            double[] sorted = Arrays.copyOf(certifiedSeconds, certified);
            Arrays.sort(sorted);
            System.out.printf("%s %dx%d tiles: %d certified, %d counterexample, %d undecided (timeout %.0f s);"
                    + " exact partition: %d tiles with one advisory, %d certified tiles with more (must be 0);"
                    + " %.1f s in all, certified tile median %.3f s, max %.3f s%n", id, side, side, certified,
                    refuted, undecided, timeout, single, certifiedButMixed, seconds,
                    certified == 0 ? 0 : sorted[certified / 2], certified == 0 ? 0 : sorted[certified - 1]);
        }
    }

    /** The advisories of the exact partition's cells of positive area on {@code rectangle}. */
    private static Set<Advisory> advisories(Network network, InputSlice rectangle) {
        Set<Advisory> found = EnumSet.noneOf(Advisory.class);
        for (AdvisoryCell cell : AdvisorySlice.compute(network, rectangle).cells()) {
            if (cell.area() > 0) {
                found.add(cell.advisory());
            }
        }
        return found;
    }
}
