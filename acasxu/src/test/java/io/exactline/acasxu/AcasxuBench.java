package io.exactline.acasxu;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;

import io.exactline.core.network.Network;

/**
 * Times the ACAS Xu certification on the bundled networks 1_1, 2_5 and 5_9 (JIT warmed up, one thread):
 * {@link LineCertifier} on full-domain rho lines (rho from 0 to 60,760 ft, the other inputs uniform in the domain)
 * and on lines between uniform points of the whole domain; {@link AdvisorySlice} on the full (rho, theta) range with
 * psi, v_own, v_int fixed; and a top-down view of 40,000 ft around the ownship with its plot.
 *
 * <p>Run after {@code mvn -pl acasxu -am test-compile}, with the module's test classpath:
 * {@code java -cp <classpath> io.exactline.acasxu.AcasxuBench [lines] [slice repetitions]}.
 */
public final class AcasxuBench {
    private static final String[] NETWORKS = {"1_1", "2_5", "5_9"};

    private AcasxuBench() {
    }

    public static void main(String[] args) {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        double[] min = Normalization.physicalMin();
        double[] max = Normalization.physicalMax();
        for (String id : NETWORKS) {
            Network network = AcasNetworks.bundled(NetworkId.parse(id));
            Random random = new Random(1);
            lines(id + " rho lines", lines, () -> {
                double[] p = uniform(random, min, max);
                return LineCertifier.certify(network, state(p, 0), state(p, max[0]));
            });
            lines(id + " random lines", lines, () -> LineCertifier.certifyNormalized(network,
                    EncounterState.of(uniform(random, min, max)).normalized(),
                    EncounterState.of(uniform(random, min, max)).normalized()));
        }
        for (String id : NETWORKS) {
            Network network = AcasNetworks.bundled(NetworkId.parse(id));
            for (EncounterState fixed : new EncounterState[] {new EncounterState(0, 0, Math.PI, 800, 800),
                new EncounterState(0, 0, 0, 650, 600), new EncounterState(0, 0, -2, 300, 1100)}) {
                InputSlice slice = new InputSlice(AxisRange.full(InputVariable.RHO),
                        new AxisRange(InputVariable.THETA, -Math.PI, Math.PI), fixed);
                slice(id, slice, network, repetitions);
            }
        }
        Network network = AcasNetworks.bundled(NetworkId.parse("1_1"));
        TopDownWindow window = TopDownWindow.around(40000, Math.PI, 800, 800);
        long[] compute = new long[repetitions];
        long[] plot = new long[repetitions];
        for (int r = 0; r < repetitions + 2; r++) {
            long t0 = System.nanoTime();
            TopDownView view = TopDownView.compute(network, window);
            long t1 = System.nanoTime();
            PolicyPlot.of(view).render();
            long t2 = System.nanoTime();
            if (r >= 2) {
                compute[r - 2] = t1 - t0;
                plot[r - 2] = t2 - t1;
            }
        }
        System.out.printf("1_1 top-down 40,000 ft: cells %.1f ms, plot 960x760 %.1f ms (medians)%n",
                median(compute) / 1e6, median(plot) / 1e6);
    }

    private static void lines(String name, int count, Supplier<LineAdvisories> line) {
        for (int warm = 0; warm < count / 2; warm++) {
            line.get();
        }
        long[] nanos = new long[count];
        long pieces = 0;
        long switches = 0;
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            LineAdvisories result = line.get();
            nanos[i] = System.nanoTime() - start;
            pieces += result.pieces();
            switches += result.switches();
        }
        Arrays.sort(nanos);
        System.out.printf("%-16s %5d lines: median %.3f ms, p99 %.3f ms, max %.3f ms; pieces %.1f, switches %.2f"
                + " per line%n", name, count, nanos[count / 2] / 1e6, nanos[count * 99 / 100] / 1e6,
                nanos[count - 1] / 1e6, (double) pieces / count, (double) switches / count);
    }

    private static void slice(String id, InputSlice slice, Network network, int repetitions) {
        for (int warm = 0; warm < 2; warm++) {
            AdvisorySlice.compute(network, slice);
        }
        long[] nanos = new long[repetitions];
        AdvisorySlice result = null;
        for (int r = 0; r < repetitions; r++) {
            long start = System.nanoTime();
            result = AdvisorySlice.compute(network, slice);
            nanos[r] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        EncounterState f = slice.fixed();
        System.out.printf("%s rho x theta (psi %.2f, vown %.0f, vint %.0f): regions %6d, split %5d, median %7.1f ms,"
                + " max %7.1f ms%n", id, f.psi(), f.vOwn(), f.vInt(), result.regionCount(), result.splitRegions(),
                median(nanos) / 1e6, nanos[repetitions - 1] / 1e6);
    }

    private static EncounterState state(double[] p, double rho) {
        double[] v = p.clone();
        v[0] = rho;
        return EncounterState.of(v);
    }

    private static double[] uniform(Random random, double[] low, double[] high) {
        double[] x = new double[low.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = low[i] + random.nextDouble() * (high[i] - low[i]);
        }
        return x;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
