package io.exactline.verifier.vnnlib;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Parsing speed on the shared VNN-LIB files (a benchmark, not a test): the first pass over all files (cold JVM),
 * then the minimum and median of repeated parses of the largest files after warm-up, in wall-clock and in CPU
 * time of the parsing thread (less disturbed by other processes on a shared machine). Run with the shared folder as
 * argument, e.g. {@code java -cp verifier/target/test-classes:verifier/target/classes:core/target/classes
 * io.exactline.verifier.vnnlib.VnnlibParseBenchmark ../shared}.
 */
public final class VnnlibParseBenchmark {
    private static final int WARM_UP = 30;
    private static final int MEASURED = 30;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private VnnlibParseBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(shared)) {
            walk.filter(p -> p.toString().endsWith(".vnnlib")).sorted().forEach(files::add);
        }
        long totalBytes = 0;
        long start = System.nanoTime();
        long startCpu = THREADS.getCurrentThreadCpuTime();
        for (Path f : files) {
            String text = Files.readString(f);
            totalBytes += text.length();
            VnnlibParser.parse(text, f.toString());
        }
        System.out.printf("cold pass: %d files, %.1f MB in %.0f ms wall, %.0f ms cpu%n", files.size(),
                totalBytes / 1e6, (System.nanoTime() - start) / 1e6,
                (THREADS.getCurrentThreadCpuTime() - startCpu) / 1e6);

        List<Path> largest = files.stream()
                .sorted((a, b) -> Long.compare(size(b), size(a)))
                .filter(f -> f.toString().contains("oval21") || f.toString().contains("marabou")
                        || f.toString().contains("mnistfc"))
                .limit(3).toList();
        for (Path f : largest) {
            String text = Files.readString(f);
            for (int i = 0; i < WARM_UP; i++) {
                VnnlibParser.parse(text, f.toString());
            }
            double[] wall = new double[MEASURED];
            double[] cpu = new double[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                long t = System.nanoTime();
                long c = THREADS.getCurrentThreadCpuTime();
                VnnlibParser.parse(text, f.toString());
                cpu[i] = (THREADS.getCurrentThreadCpuTime() - c) / 1e6;
                wall[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            System.out.printf("%s (%d KB): wall min %.1f / median %.1f ms, cpu min %.1f / median %.1f ms%n",
                    shared.relativize(f), text.length() / 1000, wall[0], wall[MEASURED / 2], cpu[0], cpu[MEASURED / 2]);
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
