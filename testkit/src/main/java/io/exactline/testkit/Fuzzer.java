package io.exactline.testkit;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongUnaryOperator;
import java.util.function.Predicate;

import io.exactline.testkit.Mutations.Mutant;

/**
 * A bounded, deterministic fuzz campaign against a parser: every seed and a fixed number of {@link Mutations} of
 * each go through the parser, which must either accept the input or refuse it with an exception the caller calls
 * clean (in exactline: a {@code BadInputException} naming the file and position). Anything else fails the
 * campaign: another exception or error (including {@link StackOverflowError} and {@link OutOfMemoryError}), more
 * allocation than the input's size allows (an unchecked size field), or a hang past the guard. Failing inputs are
 * saved under {@code target/fuzz-failures/} and listed, with how each was made, in the assertion message.
 */
public final class Fuzzer {
    private static final int LISTED_FAILURES = 5;

    private Fuzzer() {
    }

    /** The parser under test. */
    @FunctionalInterface
    public interface Target {
        /** Parses {@code input}; returning means the input was accepted. */
        void parse(byte[] input) throws Exception;
    }

    /** Makes one mutant of a seed; {@link Mutations#mutate} is the default. */
    @FunctionalInterface
    public interface Mutator {
        /** A mutant of {@code seed}, drawing its choices from {@code random}. */
        Mutant mutate(byte[] seed, Random random);
    }

    /** What a campaign did: inputs tried, accepted and cleanly refused, and the most bytes one parse allocated. */
    public record Summary(int inputs, int accepted, int refused, long mostAllocated) {
    }

    /** The campaign's settings. */
    public record Campaign(String name, int mutantsPerSeed, long randomSeed, Duration hangGuard,
            LongUnaryOperator allocationBudget) {
    }

    /**
     * Runs the campaign.
     *
     * @param seeds real inputs the mutants are made from; each is also tried as it is
     * @param target the parser
     * @param clean which exceptions are a clean refusal
     * @throws AssertionError listing the failing inputs, or naming the input being parsed when the guard expired
     */
    public static Summary run(Campaign campaign, List<byte[]> seeds, Target target, Predicate<Throwable> clean) {
        return run(campaign, seeds, Mutations::mutate, target, clean);
    }

    /** Runs the campaign with mutants made by {@code mutator} (e.g. one that edits a format's structure). */
    public static Summary run(Campaign campaign, List<byte[]> seeds, Mutator mutator, Target target,
            Predicate<Throwable> clean) {
        Worker worker = new Worker(campaign, seeds, mutator, target, clean);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-" + campaign.name());
            t.setDaemon(true);
            return t;
        });
        try {
            Future<Summary> result = executor.submit(worker::call);
            try {
                return result.get(campaign.hangGuard().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                result.cancel(true);
                Mutant hanging = worker.current;
                throw new AssertionError(campaign.name() + ": no answer within " + campaign.hangGuard() + " on "
                        + hanging + "; saved as " + save(campaign.name(), -1, hanging.bytes()));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof AssertionError failure) {
                    throw failure;
                }
                throw new AssertionError(campaign.name() + ": the campaign itself failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(campaign.name() + ": interrupted", e);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static final class Worker {
        private final Campaign campaign;
        private final List<byte[]> seeds;
        private final Mutator mutator;
        private final Target target;
        private final Predicate<Throwable> clean;
        volatile Mutant current = new Mutant("(not started)", new byte[0]);

        Worker(Campaign campaign, List<byte[]> seeds, Mutator mutator, Target target, Predicate<Throwable> clean) {
            this.campaign = campaign;
            this.seeds = seeds;
            this.mutator = mutator;
            this.target = target;
            this.clean = clean;
        }

        Summary call() {
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long self = Thread.currentThread().getId();
            Random random = new Random(campaign.randomSeed());
            List<String> failures = new ArrayList<>();
            int inputs = 0;
            int accepted = 0;
            int refused = 0;
            long mostAllocated = 0;
            for (int s = 0; s < seeds.size(); s++) {
                for (int m = 0; m <= campaign.mutantsPerSeed(); m++) {
                    Mutant mutant = m == 0 ? new Mutant("seed " + s + " as it is", seeds.get(s))
                            : mutator.mutate(seeds.get(s), random);
                    mutant = new Mutant("seed " + s + ", mutant " + m + ": " + mutant.description(), mutant.bytes());
                    current = mutant;
                    byte[] input = mutant.bytes();
                    inputs++;
                    long before = threads.getThreadAllocatedBytes(self);
                    Throwable thrown = null;
                    try {
                        target.parse(input);
                    } catch (Throwable t) {
                        thrown = t;
                    }
                    long allocated = threads.getThreadAllocatedBytes(self) - before;
                    mostAllocated = Math.max(mostAllocated, allocated);
                    String problem = null;
                    if (thrown == null) {
                        accepted++;
                    } else if (clean.test(thrown)) {
                        refused++;
                    } else {
                        problem = "threw " + stackTop(thrown);
                    }
                    long budget = campaign.allocationBudget().applyAsLong(input.length);
                    if (problem == null && allocated > budget) {
                        problem = "allocated " + allocated + " bytes for a " + input.length + "-byte input (budget "
                                + budget + ")" + (thrown == null ? "" : " before refusing it: " + thrown.getMessage());
                    }
                    if (problem != null && failures.size() < LISTED_FAILURES) {
                        failures.add(mutant + "\n    " + problem + "\n    saved as "
                                + save(campaign.name(), failures.size(), input));
                    }
                }
            }
            if (!failures.isEmpty()) {
                throw new AssertionError(campaign.name() + ": " + failures.size() + (failures.size() == LISTED_FAILURES
                        ? " or more" : "") + " of " + inputs + " inputs broke the contract:\n  "
                        + String.join("\n  ", failures));
            }
            return new Summary(inputs, accepted, refused, mostAllocated);
        }
    }

    private static String stackTop(Throwable t) {
        StringWriter s = new StringWriter();
        t.printStackTrace(new PrintWriter(s));
        String[] lines = s.toString().split("\\R");
        return String.join("\n      ", List.of(lines).subList(0, Math.min(lines.length, 8)));
    }

    private static Path save(String name, int index, byte[] input) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "fuzz-failures"));
            Path file = folder.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                    + (index < 0 ? "hang" : String.valueOf(index)) + ".bin");
            Files.write(file, input);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
