package io.exactline.verifier;

import io.exactline.verifier.bab.BabEngine;
import io.exactline.verifier.falsify.GradientFalsifier;
import io.exactline.verifier.falsify.SamplingFalsifier;
import io.exactline.verifier.lp.LpEngine;
import io.exactline.verifier.milp.MilpEngine;
import io.exactline.verifier.smt.SmtEngine;

/**
 * The engines that come with exactline, one {@link EngineProvider} each, registered in this module's
 * {@code META-INF/services} like any plug-in. {@link Engines} trusts exactly the providers of this sealed
 * hierarchy: their unsat answers stand on their {@link Guarantee} without a certificate.
 */
public final class BuiltInEngines {
    private BuiltInEngines() {
    }

    /** A built-in engine's provider; sealed, so no plug-in can pass for one. */
    public abstract static sealed class Provider implements EngineProvider
            permits Auto, Bab, Lp, Smt, Milp, Pgd, Sampling {
        @Override
        public Guarantee guarantee() {
            return create().guarantee();
        }
    }

    /** {@link AutoEngine}: gradient falsification, then branch and bound. */
    public static final class Auto extends Provider {
        @Override
        public String name() {
            return AutoEngine.NAME;
        }

        @Override
        public Engine create() {
            return new AutoEngine();
        }
    }

    /** {@link BabEngine}: branch and bound with sound bound propagation. */
    public static final class Bab extends Provider {
        @Override
        public String name() {
            return BabEngine.NAME;
        }

        @Override
        public Engine create() {
            return new BabEngine();
        }
    }

    /** {@link LpEngine}: branch on unstable ReLUs with LP leaves and safe dual bounds. */
    public static final class Lp extends Provider {
        @Override
        public String name() {
            return LpEngine.NAME;
        }

        @Override
        public Engine create() {
            return new LpEngine();
        }
    }

    /** {@link SmtEngine}: the exact encoding in linear real arithmetic, decided by Z3. */
    public static final class Smt extends Provider {
        @Override
        public String name() {
            return SmtEngine.NAME;
        }

        @Override
        public Engine create() {
            return new SmtEngine();
        }
    }

    /** {@link MilpEngine}: a big-M MILP solved by SCIP in floating point. */
    public static final class Milp extends Provider {
        @Override
        public String name() {
            return MilpEngine.NAME;
        }

        @Override
        public Engine create() {
            return new MilpEngine();
        }
    }

    /** {@link GradientFalsifier}: projected gradient descent; finds counterexamples only. */
    public static final class Pgd extends Provider {
        @Override
        public String name() {
            return GradientFalsifier.NAME;
        }

        @Override
        public Engine create() {
            return GradientFalsifier.standard();
        }
    }

    /** {@link SamplingFalsifier}: uniform random sampling; finds counterexamples only. */
    public static final class Sampling extends Provider {
        @Override
        public String name() {
            return SamplingFalsifier.NAME;
        }

        @Override
        public Engine create() {
            return new SamplingFalsifier(10_000, 1L);
        }
    }
}
