package io.exactline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.testkit.SharedData;

class DecomposeCommandTest {
    @TempDir
    static Path temp;

    private static Path network;
    private static Path prop5;
    private static Path mined;

    /** Mines SR ({@code not prop_5.vnnlib}) preconditions of N_1,1 over φ5's box once, from a few samples. */
    @BeforeAll
    static void mine() {
        network = SharedData.require("acasxu/onnx/ACASXU_run2a_1_1_batch_2000.onnx");
        prop5 = SharedData.require("acasxu/vnnlib/prop_5.vnnlib");
        mined = temp.resolve("mined");
        Cli.Result run = Cli.run("preconditions", "mine", network.toString(), "--property", "@" + prop5,
                "--samples", "20", "--proof-timeout", "2", "--relaxation-timeout", "20", "--out", mined.toString());
        assertThat(run.code()).as("%s", run).isZero();
    }

    private static Cli.Result decompose(String region, String... more) {
        String[] base = {"preconditions", "decompose", network.toString(), "--property", "@" + prop5, "--region",
            region, "--preconditions", mined.toString()};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }

    @Test
    void provesPhi5OnN11WithTheMinedPreconditionsAndTheEngineForTheRest() {
        Cli.Result run = decompose("@" + prop5, "--timeout", "120");

        assertThat(run.code()).as("%s", run).isZero();
        assertThat(run.out()).startsWith("proven\n").contains("sub-problems bounded");
        assertThat(run.err()).contains("preconditions of not prop_5.vnnlib from 1 mining runs");
    }

    /** φ5's unsafe set (SR is not the strict minimum) over a wide part of the domain, where COC wins somewhere. */
    private static Path wideRegion() throws IOException {
        String text = Files.readString(prop5)
                .replaceAll("\\(assert \\(<= X_(\\d) [-0-9.e]+\\)\\)", "(assert (<= X_$1 0.7))")
                .replaceAll("\\(assert \\(>= X_(\\d) [-0-9.e]+\\)\\)", "(assert (>= X_$1 -0.5))");
        Path wide = temp.resolve("wide.vnnlib");
        Files.writeString(wide, text);
        return wide;
    }

    @Test
    void withoutAnEngineTheBoxesLeftOverMakeItUndecided() throws IOException {
        // the wide region holds counterexamples, so no proven precondition can cover all of it, whatever was mined
        Cli.Result run = decompose("@" + wideRegion(), "--engine", "none", "--depth", "0");

        assertThat(run.code()).as("%s", run).isEqualTo(4);
        assertThat(run.out()).startsWith("undecided\nreason: ").contains("boxes not covered by any interpolant");
    }

    @Test
    void aRegionWhereTheRequirementFailsGivesACounterexample() throws IOException {
        Cli.Result run = decompose("@" + wideRegion(), "--timeout", "120");

        assertThat(run.code()).as("%s", run).isEqualTo(3);
        assertThat(run.out()).startsWith("violated\ncounterexample: input ");
    }

    @Test
    void preconditionsMinedForAnotherPropertyAreBadInput() {
        Cli.Result run = Cli.run("preconditions", "decompose", network.toString(), "--property", "argmin=0",
                "--region", "acasxu:phi5", "--preconditions", mined.toString());

        assertThat(run.code()).as("%s", run).isEqualTo(2);
        assertThat(run.err()).contains("not prop_5.vnnlib").contains("argmin=0");
    }
}
