package io.exactline.verifier.bab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.DeadlineExceededException;
import io.exactline.verifier.Engine;
import io.exactline.verifier.Guarantee;
import io.exactline.verifier.bounds.ActivationUnit;
import io.exactline.verifier.bounds.BoundNetwork;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.bounds.LayerBounds;
import io.exactline.verifier.bounds.LowerSlopes;
import io.exactline.verifier.bounds.PartialPattern;
import io.exactline.verifier.falsify.GradientFalsifier;
import io.exactline.verifier.falsify.RegionDescent;
import io.exactline.verifier.falsify.RegionSearch;
import io.exactline.verifier.falsify.UnsafeConjunction;
import io.exactline.verifier.lp.GlopLpSolver;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.PropertyCase;
import io.exactline.verifier.verdict.Counterexample;
import io.exactline.verifier.verdict.NetworkDigest;
import io.exactline.verifier.verdict.Provenance;
import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Timeout;
import io.exactline.verifier.verdict.Unknown;
import io.exactline.verifier.verdict.Unsat;
import io.exactline.verifier.verdict.Verdict;

/**
 * Branch and bound over input boxes and activation patterns with sound bounds.
 *
 * <h2>Method</h2>
 * Each case of the property is the union of its {@link UnsafeConjunction}s {@code AND_q (g_q(x) <= 0)}. A
 * sub-problem is a box inside the case's box and a {@link PartialPattern}; it is <b>closed</b> when, for every
 * unsafe conjunction, the {@link BoxBounder} proves some inequality violated ({@code g_q(x) > 0} for every input of
 * the sub-problem, from a lower bound of {@code c_q . f(x)} plus an outward-rounded bound of the input part), or
 * proves the sum of the conjunction's inequalities positive, or proves the sub-problem void. Conjunctions closed in a
 * sub-problem stay closed in its children. An open sub-problem is searched for counterexamples (its midpoint, the
 * box corner minimising the linear lower bound of the tightest inequality, and a short gradient descent from that
 * corner; each point {@link Counterexample#confirm confirmed} on the network) and then split: the box is bisected
 * along an input with a large smear score {@code |a_i| (u_i - l_i)} summed over the open conjunctions (of the
 * {@link BabOptions#lookahead()} best inputs, the one whose worse half gets the best bound; the halves keep the bounds
 * computed for that choice), or the costliest unstable unit is fixed to each of its pieces ({@link Splitting}).
 *
 * <p>The answer is sat at the first confirmed counterexample, unsat when every sub-problem is closed, and timeout
 * once the deadline passes. It is unknown when the queue limit is hit, or when a box can no longer be bisected in
 * double precision and no waiting sub-problem's midpoint or candidate corners is a counterexample. A box that only
 * touches the unsafe set (its margin is 0 on a boundary and positive elsewhere, as next to the unsafe region of a
 * sat instance) can never be closed by bounds nor yield a counterexample, and depth-first search follows it down to
 * the last bit; the sub-problems waiting beside that path (the siblings on the unsafe side among them) are then
 * tried as counterexamples before the search gives up. Searching on instead is no option: along a touching curve
 * the number of such boxes doubles with every level.
 *
 * <h2>Work sharing</h2>
 * Sub-problems wait in one priority queue, deepest first (depth-first search keeps the queue short and lets a child
 * reuse its parent's layer bounds), then the least proven (smallest tightest-inequality bound of the parent), then
 * creation order; {@link BabOptions#workers()} threads take from it, each with its own bounder. With
 * {@link BabOptions#huntAfter()} set and input splitting, one more thread, the <b>hunter</b>, waits that long and
 * then runs a {@link RegionSearch} (multi-start descent over linear regions) until the search ends: depth-first
 * search can spend minutes in safe subtrees while a counterexample region narrower than any gradient step waits
 * elsewhere, and the hunter finds such regions independently of the queue. The
 * threads are started per call and joined before {@link #verify} returns. Verdicts do not depend on scheduling
 * (sat and unsat are facts; only which counterexample is found and the counts may differ).
 *
 * <h2>Soundness</h2>
 * An unsat answer is exactly as sound as the bounder's lower bounds: with {@link DeepPolyBounder} they are
 * outward-rounded, so unsat holds for the real-valued network on its stored weights.
 */
public final class BabEngine implements Engine {
    /** The engine's name. */
    public static final String NAME = "bab";

    private static final long IDLE_PARK_NANOS = 20_000L;
    /** How often the hunter looks whether the search ended while it waits for its start. */
    private static final long HUNTER_WAIT_NANOS = 1_000_000L;
    /** Seed of the hunter's random points. */
    private static final long HUNTER_SEED = 2L;
    /** CPU time the hunter runs at full speed. */
    private static final long HUNTER_FULL_SPEED_NANOS = 5_000_000_000L;
    /** After that, the hunter pauses this many times as long as it works (an eighth of a core). */
    private static final int HUNTER_PAUSE_FACTOR = 7;

    private final Function<BoundNetwork, BabOptions> options;
    private final BounderFactory bounders;

    /** How workers get their bounders: one per worker thread, over the compiled network. */
    @FunctionalInterface
    public interface BounderFactory {
        /** A new bounder for one worker. */
        BoxBounder create(BoundNetwork network, BabOptions options);
    }

    /** Branch and bound with {@link BabOptions#defaults} and {@link DeepPolyBounder}. */
    public BabEngine() {
        this(net -> BabOptions.defaults(net.inputSize(), unitCount(net)),
                (net, o) -> new DeepPolyBounder(net, o.bounds()));
    }

    /** Branch and bound with fixed options and {@link DeepPolyBounder}. */
    public BabEngine(BabOptions options) {
        this(net -> options, (net, o) -> new DeepPolyBounder(net, o.bounds()));
    }

    /**
     * Branch and bound with options chosen per network and the given bounders (tests substitute bounders to check
     * that cross-checks catch unsound bounds).
     */
    public BabEngine(Function<BoundNetwork, BabOptions> options, BounderFactory bounders) {
        this.options = options;
        this.bounders = bounders;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Guarantee guarantee() {
        return new Guarantee(false, true, false, "branch and bound on input boxes and activation patterns with"
                + " outward-rounded DeepPoly/CROWN bounds; unsat holds despite rounding, counterexamples are"
                + " re-evaluated; unknown when boxes become too small to bisect in double precision");
    }

    @Override
    public Verdict verify(Network network, Property property, Deadline deadline) {
        return search(network, property, deadline, leaf -> { });
    }

    /**
     * Runs branch and bound and reports every closed leaf to {@code leaves} (called from the worker threads, so it
     * must be thread-safe). On an unsat answer the reported leaves cover every case's box: they are the per-leaf
     * witnesses a certificate needs.
     */
    public Verdict search(Network network, Property property, Deadline deadline, Consumer<ClosedLeaf> leaves) {
        property.requireCompatible(network);
        long start = System.nanoTime();
        BoundNetwork compiled = BoundNetwork.of(network);
        BabOptions chosen = options.apply(compiled);
        Search search = new Search(network, property, compiled, chosen, deadline, leaves);
        search.run();
        Provenance provenance = Provenance.of(NAME, settings(chosen, search.splitting),
                Duration.ofNanos(System.nanoTime() - start), search.counts(), NetworkDigest.of(network),
                property.source());
        if (search.failure.get() != null) {
            throw search.failure.get();
        }
        if (search.found.get() != null) {
            return new Sat(search.found.get(), provenance);
        }
        if (search.timedOut.get()) {
            return new Timeout(deadline.budget(), provenance);
        }
        if (search.unknown.get() != null) {
            return new Unknown(search.unknown.get(), provenance);
        }
        return Unsat.uncertified(provenance);
    }

    private static Map<String, String> settings(BabOptions o, Splitting splitting) {
        return Map.of("splitting", splitting.name().toLowerCase(Locale.ROOT),
                "bounds", o.bounds().toString(), "workers", Integer.toString(o.workers()),
                "descentSteps", Integer.toString(o.descentSteps()), "maxQueued", Integer.toString(o.maxQueued()),
                "lookahead", Integer.toString(o.lookahead()),
                "hunt", o.huntAfter().map(Duration::toString).orElse("none"));
    }

    /** Whether bisecting input {@code i} gives two strictly smaller boxes (its midpoint lies strictly inside). */
    private static boolean bisectable(Box box, int i) {
        double m = box.midpoint()[i];
        return box.lower(i) < m && m < box.upper(i);
    }

    static int unitCount(BoundNetwork net) {
        int units = 0;
        for (int k = 0; k < net.activationLayerCount(); k++) {
            units += net.unitCount(k);
        }
        return units;
    }

    /** A sub-problem waiting in the queue. */
    private record SubProblem(int caseIndex, Box box, PartialPattern pattern, Optional<LayerBounds> parent,
            Optional<BoxBounder.Bounded> precomputed, List<Optional<ClosedLeaf.Witness>> closed, int depth,
            double priority, long order) {
    }

    /**
     * The conjunctions closed over a sub-problem, the tightest inequality of each one still open, and corners worth
     * trying as counterexamples.
     */
    private record Assessment(List<Optional<ClosedLeaf.Witness>> closed, List<Tightest> open,
            List<double[]> corners) {
    }

    /** The unsafe conjunctions of one case, with their sums. */
    private record CaseForm(Box box, List<UnsafeConjunction> conjunctions, List<Optional<UnsafeConjunction>> sums) {
    }

    /** The shared state of one run. */
    private final class Search {
        private final Network network;
        private final Property property;
        private final BoundNetwork compiled;
        private final BabOptions options;
        private final Splitting splitting;
        private final Deadline deadline;
        private final Consumer<ClosedLeaf> leaves;
        private final List<CaseForm> cases = new ArrayList<>();
        private final PriorityBlockingQueue<SubProblem> queue = new PriorityBlockingQueue<>(64,
                Comparator.comparingInt((SubProblem p) -> -p.depth()).thenComparingDouble(SubProblem::priority)
                        .thenComparingLong(SubProblem::order));
        private final AtomicLong pending = new AtomicLong();
        private final AtomicLong order = new AtomicLong();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicBoolean timedOut = new AtomicBoolean();
        private final AtomicReference<Counterexample> found = new AtomicReference<>();
        private final AtomicReference<String> unknown = new AtomicReference<>();
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        private final LongAdder nodes = new LongAdder();
        private final LongAdder closedLeaves = new LongAdder();
        private final LongAdder voidLeaves = new LongAdder();
        private final LongAdder combinedLeaves = new LongAdder();
        private final LongAdder evaluations = new LongAdder();
        private final LongAdder hunterEvaluations = new LongAdder();
        private final long started = System.nanoTime();
        private final AtomicLong maxQueue = new AtomicLong();

        Search(Network network, Property property, BoundNetwork compiled, BabOptions options, Deadline deadline,
                Consumer<ClosedLeaf> leaves) {
            this.network = network;
            this.property = property;
            this.compiled = compiled;
            this.options = options;
            this.splitting = options.splitting() != Splitting.AUTO ? options.splitting()
                    : compiled.inputSize() <= BabOptions.FEW_INPUTS ? Splitting.INPUT : Splitting.ACTIVATION;
            this.deadline = deadline;
            this.leaves = leaves;
            for (PropertyCase c : property.cases()) {
                List<UnsafeConjunction> conjunctions = UnsafeConjunction.of(c, property.inputCount(),
                        property.outputCount());
                cases.add(new CaseForm(c.box(), conjunctions,
                        conjunctions.stream().map(UnsafeConjunction::sum).toList()));
            }
        }

        void run() {
            for (int k = 0; k < cases.size(); k++) {
                List<Optional<ClosedLeaf.Witness>> open = new ArrayList<>();
                cases.get(k).conjunctions().forEach(c -> open.add(Optional.empty()));
                offer(new SubProblem(k, cases.get(k).box(), PartialPattern.free(compiled), Optional.empty(),
                        Optional.empty(), open, 0, Double.NEGATIVE_INFINITY, order.getAndIncrement()));
            }
            List<Thread> threads = new ArrayList<>();
            try {
                for (int w = 1; w < options.workers(); w++) {
                    Thread t = new Thread(this::work, "exactline-bab-worker-" + w);
                    t.setDaemon(true);
                    threads.add(t);
                    t.start();
                }
                if (options.huntAfter().isPresent() && splitting == Splitting.INPUT) {
                    Thread t = new Thread(() -> hunt(options.huntAfter().get()), "exactline-bab-hunter");
                    t.setDaemon(true);
                    threads.add(t);
                    t.start();
                }
                work();
            } finally {
                stop.set(true);
                joinAll(threads);
            }
        }

        private void joinAll(List<Thread> threads) {
            boolean interrupted = false;
            for (Thread t : threads) {
                while (t.isAlive()) {
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        private void offer(SubProblem p) {
            pending.incrementAndGet();
            queue.add(p);
            int size = queue.size();
            maxQueue.accumulateAndGet(size, Math::max);
            if (size > options.maxQueued()) {
                unknown.compareAndSet(null, "memory: more than " + options.maxQueued()
                        + " sub-problems waiting; give the JVM more heap (-Xmx) or a smaller region");
                stop.set(true);
            }
        }

        private void work() {
            BoxBounder bounder = bounders.create(compiled, options);
            while (!stop.get()) {
                SubProblem p = queue.poll();
                if (p == null) {
                    if (pending.get() == 0) {
                        stop.set(true);
                    } else {
                        LockSupport.parkNanos(IDLE_PARK_NANOS);
                    }
                    continue;
                }
                try {
                    guarded(() -> {
                        deadline.check();
                        process(p, bounder);
                    });
                } finally {
                    pending.decrementAndGet();
                }
            }
        }

        /**
         * Runs {@code step} of a worker or the hunter: a passed deadline makes the answer timeout, any other failure
         * is kept to be thrown to the caller; both stop the search.
         */
        private void guarded(Runnable step) {
            try {
                step.run();
            } catch (DeadlineExceededException e) {
                timedOut.set(true);
                stop.set(true);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
                stop.set(true);
            }
        }

        /**
         * The hunter: waits {@code delay} from the start of the search (returning at once if the search ends
         * meanwhile), then runs a {@link RegionSearch} at the {@link HunterPace} of 5 s of CPU at full speed and an
         * eighth of a core after that, until it confirms a counterexample, which answers sat, or the search ends.
         * Networks without an exact piecewise-affine encoding get no hunter.
         */
        private void hunt(Duration delay) {
            while (!stop.get() && System.nanoTime() - started < delay.toNanos()) {
                LockSupport.parkNanos(HUNTER_WAIT_NANOS);
            }
            if (stop.get()) {
                return;
            }
            long[] evaluated = new long[1];
            try {
                guarded(() -> RegionDescent.of(network, new GlopLpSolver()).ifPresent(descent -> {
                    HunterPace pace = new HunterPace(stop, HUNTER_FULL_SPEED_NANOS, HUNTER_PAUSE_FACTOR);
                    Optional<Counterexample> hit = new RegionSearch(network, descent, HUNTER_SEED)
                            .search(property, deadline, pace::cancelled, evaluated);
                    if (hit.isPresent()) {
                        found.compareAndSet(null, hit.get());
                        stop.set(true);
                    }
                }));
            } finally {
                hunterEvaluations.add(evaluated[0]);
            }
        }

        /** The objectives whose bounds decide the conjunctions still open: one per output-reading inequality and sum. */
        private List<double[]> objectives(CaseForm form, List<Optional<ClosedLeaf.Witness>> closed) {
            List<UnsafeConjunction> conjunctions = form.conjunctions();
            List<double[]> objectives = new ArrayList<>();
            for (int k = 0; k < conjunctions.size(); k++) {
                if (closed.get(k).isEmpty()) {
                    UnsafeConjunction c = conjunctions.get(k);
                    for (int q = 0; q < c.size(); q++) {
                        if (c.readsOutputs(q)) {
                            objectives.add(c.outputRow(q));
                        }
                    }
                    form.sums().get(k).filter(s -> s.readsOutputs(0)).ifPresent(s -> objectives.add(s.outputRow(0)));
                }
            }
            return objectives;
        }

        private void process(SubProblem p, BoxBounder bounder) {
            nodes.increment();
            CaseForm form = cases.get(p.caseIndex());
            Optional<BoxBounder.Bounded> bounded = p.precomputed().isPresent() ? p.precomputed()
                    : bounder.lowerBounds(p.box(), p.pattern(), p.parent(), objectives(form, p.closed()));
            if (bounded.isEmpty()) {
                voidLeaves.increment();
                leaves.accept(new ClosedLeaf(p.caseIndex(), p.box(), p.pattern(), List.of()));
                return;
            }
            Assessment assessment = assess(form, p.box(), p.closed(), bounded.get(), Optional.of(bounder));
            List<Optional<ClosedLeaf.Witness>> closed = assessment.closed();
            List<Tightest> open = assessment.open();
            if (open.isEmpty()) {
                closedLeaves.increment();
                List<ClosedLeaf.Witness> witnesses = new ArrayList<>();
                for (int k = 0; k < closed.size(); k++) {
                    ClosedLeaf.Witness w = closed.get(k).orElseThrow();
                    witnesses.add(p.closed().get(k).isPresent()
                            ? new ClosedLeaf.Witness(w.inequality(), w.lowerBound(), true, w.multipliers(),
                                    w.lowerSlopes()) : w);
                }
                leaves.accept(new ClosedLeaf(p.caseIndex(), p.box(), p.pattern(), witnesses));
                return;
            }
            if (falsify(p, form, open, assessment.corners())) {
                return;
            }
            split(p, form, bounder, bounded.get().layers(), closed, open);
        }

        /**
         * Which of the conjunctions open in {@code closedBefore} the bounds close over {@code box}, and for the
         * others their tightest inequality. With a {@code bounder} (the one that computed {@code bounded}), a
         * conjunction that neither one inequality nor the sum closes is tried once more with the Lagrangian
         * {@link Multipliers} of its inequalities' linear lower bounds, bounded as one objective.
         */
        private Assessment assess(CaseForm form, Box box, List<Optional<ClosedLeaf.Witness>> closedBefore,
                BoxBounder.Bounded bounded, Optional<BoxBounder> bounder) {
            List<UnsafeConjunction> conjunctions = form.conjunctions();
            double[] lower = box.lower();
            double[] upper = box.upper();
            List<Optional<ClosedLeaf.Witness>> closed = new ArrayList<>(closedBefore);
            List<Tightest> open = new ArrayList<>();
            List<double[]> corners = new ArrayList<>();
            int next = 0;
            for (int k = 0; k < conjunctions.size(); k++) {
                if (closed.get(k).isPresent()) {
                    continue;
                }
                UnsafeConjunction c = conjunctions.get(k);
                Tightest tightest = null;
                List<Optional<LowerBound>> bounds = new ArrayList<>();
                for (int q = 0; q < c.size(); q++) {
                    Optional<LowerBound> b = c.readsOutputs(q) ? Optional.of(bounded.objectives().get(next++))
                            : Optional.empty();
                    bounds.add(b);
                    double value = c.lowerBound(q, b.map(LowerBound::value).orElse(0.0), lower, upper);
                    if (tightest == null || value > tightest.value()) {
                        tightest = new Tightest(k, q, value, b);
                    }
                }
                Optional<UnsafeConjunction> sum = form.sums().get(k);
                double sumValue = Double.NEGATIVE_INFINITY;
                Optional<LowerBound> sumBound = Optional.empty();
                if (sum.isPresent()) {
                    sumBound = sum.get().readsOutputs(0) ? Optional.of(bounded.objectives().get(next++))
                            : Optional.empty();
                    sumValue = sum.get().lowerBound(0, sumBound.map(LowerBound::value).orElse(0.0), lower, upper);
                }
                if (tightest != null && tightest.value() > 0.0) {
                    closed.set(k, Optional.of(new ClosedLeaf.Witness(tightest.inequality(), tightest.value(), false,
                            List.of(), slopes(tightest.bound()))));
                } else if (sumValue > 0.0) {
                    closed.set(k, Optional.of(new ClosedLeaf.Witness(c.size(), sumValue, false, List.of(),
                            slopes(sumBound))));
                } else if (tightest == null) {
                    open.add(new Tightest(k, 0, Double.NEGATIVE_INFINITY, Optional.empty()));
                } else {
                    Optional<ClosedLeaf.Witness> combined = bounder.isPresent() && c.size() > 1
                            ? combine(c, bounds, box, bounded.layers(), bounder.get(), corners) : Optional.empty();
                    if (combined.isPresent()) {
                        closed.set(k, combined);
                    } else {
                        open.add(tightest);
                    }
                }
            }
            return new Assessment(closed, open, corners);
        }

        /**
         * Tries to close conjunction {@code c} by a combination of its inequalities: {@link Multipliers} from the
         * linear lower bounds {@code bounds} (an input-only inequality is its own linear function), then one sound
         * bound of the combination. Adds the corner minimising the combination's predicted bound to
         * {@code corners} when the prediction is positive but the sound bound is not.
         */
        private Optional<ClosedLeaf.Witness> combine(UnsafeConjunction c, List<Optional<LowerBound>> bounds, Box box,
                LayerBounds layers, BoxBounder bounder, List<double[]> corners) {
            int n = box.dimension();
            double[][] a = new double[c.size()][n];
            double[] b = new double[c.size()];
            for (int q = 0; q < c.size(); q++) {
                Optional<LowerBound> bound = bounds.get(q);
                b[q] = c.constant(q) + bound.map(LowerBound::constant).orElse(0.0);
                for (int i = 0; i < n; i++) {
                    a[q][i] = c.inputCoefficient(q, i) + (bound.isPresent() ? bound.get().coefficient(i) : 0.0);
                }
            }
            Optional<Multipliers.Choice> choice = Multipliers.find(a, b, box.lower(), box.upper());
            if (choice.isEmpty()) {
                return Optional.empty();
            }
            Optional<UnsafeConjunction> combination = c.combination(choice.get().multipliers());
            if (combination.isEmpty()) {
                return Optional.empty();
            }
            UnsafeConjunction combined = combination.get();
            Optional<LowerBound> outputBound = combined.readsOutputs(0)
                    ? Optional.of(bounder.lowerBound(layers, combined.outputRow(0))) : Optional.empty();
            double outputPart = outputBound.map(LowerBound::value).orElse(0.0);
            double value = combined.lowerBound(0, outputPart, box.lower(), box.upper());
            if (value > 0.0) {
                combinedLeaves.increment();
                List<Double> multipliers = new ArrayList<>();
                for (double m : choice.get().multipliers()) {
                    multipliers.add(m);
                }
                return Optional.of(new ClosedLeaf.Witness(c.size() + 1, value, false, multipliers,
                        slopes(outputBound)));
            }
            corners.add(choice.get().corner());
            return Optional.empty();
        }

        /**
         * Tries the midpoint, the tightest inequalities' corners and the given {@code corners}; true when a
         * counterexample was found.
         */
        private boolean falsify(SubProblem p, CaseForm form, List<Tightest> open, List<double[]> corners) {
            List<double[]> points = new ArrayList<>();
            points.add(p.box().midpoint());
            points.addAll(corners);
            for (Tightest t : open) {
                t.bound().ifPresent(b -> points.add(b.candidate()));
            }
            for (double[] x : points) {
                evaluations.increment();
                if (confirm(x)) {
                    return true;
                }
            }
            if (options.descentSteps() > 0) {
                Tightest worst = open.get(0);
                for (Tightest t : open) {
                    if (t.value() < worst.value()) {
                        worst = t;
                    }
                }
                double[] x0 = worst.bound().map(LowerBound::candidate).orElse(points.get(0));
                long[] evaluated = new long[1];
                Optional<Counterexample> hit = new GradientFalsifier(1, options.descentSteps(), 0L).descend(network,
                        property, p.box(), form.conjunctions().get(worst.conjunction()), x0, deadline, evaluated);
                evaluations.add(evaluated[0]);
                if (hit.isPresent()) {
                    found.compareAndSet(null, hit.get());
                    stop.set(true);
                    return true;
                }
            }
            return false;
        }

        /**
         * Tries the midpoint of every waiting sub-problem, and the corners its precomputed bounds point to, as
         * counterexamples: the last chance for sat before the search stops at the precision limit.
         */
        private void sweep() {
            for (SubProblem waiting : queue.toArray(new SubProblem[0])) {
                evaluations.increment();
                if (confirm(waiting.box().midpoint())) {
                    return;
                }
                for (LowerBound b : waiting.precomputed().map(BoxBounder.Bounded::objectives).orElse(List.of())) {
                    evaluations.increment();
                    if (confirm(b.candidate())) {
                        return;
                    }
                }
            }
        }

        private boolean confirm(double[] x) {
            Optional<Counterexample> hit = Counterexample.confirm(network, property, x);
            if (hit.isPresent()) {
                found.compareAndSet(null, hit.get());
                stop.set(true);
                return true;
            }
            return false;
        }

        private void split(SubProblem p, CaseForm form, BoxBounder bounder, LayerBounds layers,
                List<Optional<ClosedLeaf.Witness>> closed, List<Tightest> open) {
            double priority = Double.POSITIVE_INFINITY;
            Tightest worst = open.get(0);
            for (Tightest t : open) {
                priority = Math.min(priority, t.value());
                if (t.value() < worst.value()) {
                    worst = t;
                }
            }
            if (splitting == Splitting.ACTIVATION) {
                Optional<ActivationUnit> unit = worst.bound().flatMap(LowerBound::unitSplit);
                if (unit.isPresent()) {
                    ActivationUnit u = unit.get();
                    for (int s = 0; s < compiled.stateCount(u.layer()); s++) {
                        offer(new SubProblem(p.caseIndex(), p.box(), p.pattern().with(u.layer(), u.unit(), s),
                                Optional.of(layers), Optional.empty(), closed, p.depth() + 1, priority,
                                order.getAndIncrement()));
                    }
                    return;
                }
            }
            List<Integer> candidates = splitDimensions(p.box(), form, open, options.lookahead());
            if (candidates.isEmpty()) {
                unknown.compareAndSet(null, "precision: a box of case " + (p.caseIndex() + 1) + " is too small to"
                        + " bisect in double precision and its bounds do not decide it: " + p.box());
                sweep();
                stop.set(true);
                return;
            }
            List<double[]> objectives = objectives(form, closed);
            Box[] halves = p.box().bisect(candidates.get(0));
            List<Optional<BoxBounder.Bounded>> bounds = List.of(Optional.empty(), Optional.empty());
            double best = Double.NEGATIVE_INFINITY;
            for (int d : candidates.size() > 1 ? candidates : List.<Integer>of()) {
                deadline.check();
                Box[] trial = p.box().bisect(d);
                List<Optional<BoxBounder.Bounded>> trialBounds = new ArrayList<>();
                double[] trialPriority = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
                for (int h = 0; h < 2; h++) {
                    Optional<BoxBounder.Bounded> b = bounder.lowerBounds(trial[h], p.pattern(), Optional.of(layers),
                            objectives);
                    trialBounds.add(b);
                    if (b.isPresent()) {
                        for (Tightest t : assess(form, trial[h], closed, b.get(), Optional.empty()).open()) {
                            trialPriority[h] = Math.min(trialPriority[h], t.value());
                        }
                    }
                }
                double worstHalf = Math.min(trialPriority[0], trialPriority[1]);
                if (worstHalf > best) {
                    best = worstHalf;
                    halves = trial;
                    bounds = trialBounds;
                }
            }
            for (int h = 0; h < 2; h++) {
                offer(new SubProblem(p.caseIndex(), halves[h], p.pattern(), Optional.of(layers), bounds.get(h),
                        closed, p.depth() + 1, priority, order.getAndIncrement()));
            }
        }

        /**
         * Up to {@code count} inputs that can still be bisected (their midpoint lies strictly between their ends),
         * by decreasing smear score summed over the open conjunctions, wider first on ties; empty when none can.
         */
        private List<Integer> splitDimensions(Box box, CaseForm form, List<Tightest> open, int count) {
            int n = box.dimension();
            double[] score = new double[n];
            for (Tightest t : open) {
                UnsafeConjunction c = form.conjunctions().get(t.conjunction());
                for (int i = 0; i < n; i++) {
                    double bound = t.bound().isPresent() ? t.bound().get().inputSplitScore(i) : 0.0;
                    double input = c.size() > 0 ? Math.abs(c.inputCoefficient(t.inequality(), i)) * box.width(i) : 0.0;
                    score[i] += bound + input;
                }
            }
            return IntStream.range(0, n).filter(i -> bisectable(box, i)).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -score[i])
                            .thenComparingDouble(i -> -box.width(i)).thenComparingInt(i -> i))
                    .limit(count).toList();
        }

        Map<String, Long> counts() {
            return Map.of("nodes", nodes.sum(), "closedLeaves", closedLeaves.sum(), "voidLeaves", voidLeaves.sum(),
                    "combined", combinedLeaves.sum(), "evaluations", evaluations.sum(), "maxQueued", maxQueue.get(),
                    "hunterEvaluations", hunterEvaluations.sum());
        }
    }

    /** The lower slopes behind an objective's bound, for a leaf's witness. */
    private static LowerSlopes slopes(Optional<LowerBound> bound) {
        return bound.map(LowerBound::lowerSlopes).orElse(LowerSlopes.NONE);
    }

    /**
     * The inequality of an open unsafe conjunction nearest to being proven violated: the largest lower bound, and
     * the objective bound behind it when the inequality reads outputs.
     */
    private record Tightest(int conjunction, int inequality, double value, Optional<LowerBound> bound) {
    }
}
