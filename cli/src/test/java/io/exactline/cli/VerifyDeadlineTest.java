package io.exactline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.testkit.SharedData;
import io.exactline.testkit.ThreadWatch;

/**
 * {@code exactline verify --timeout S} and {@code exactline vnncomp} answer within their time limit plus a grace
 * for scheduling on a loaded machine, on an instance that takes minutes (ACAS Xu property 1 on network 4_7), with
 * the deadline counting from the start of the command (loading included), and leave no thread running. The grace
 * bounds an overrun; a path that ignored its deadline would run for minutes.
 */
class VerifyDeadlineTest {
    private static final Duration GRACE = Duration.ofSeconds(4);

    @TempDir
    Path temp;

    @Test
    void verifyAnswersTimeoutWithinTheLimitAndWritesTheResultFile() throws IOException, InterruptedException {
        Path net = SharedData.require("acasxu/onnx/ACASXU_run2a_4_7_batch_2000.onnx");
        Path prop = SharedData.require("acasxu/vnnlib/prop_1.vnnlib");
        Path result = temp.resolve("result.txt");
        ThreadWatch threads = ThreadWatch.start();

        long start = System.nanoTime();
        Cli.Result run = Cli.run("verify", net.toString(), prop.toString(), "--timeout", "1", "--result",
                result.toString());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(run.code()).as("%s", run).isZero();
        assertThat(run.out().lines().findFirst()).as("%s", run).hasValue("timeout");
        assertThat(Files.readString(result)).isEqualTo("timeout\n");
        assertThat(elapsed).as("time to answer with --timeout 1").isLessThan(Duration.ofSeconds(1).plus(GRACE));
        assertThat(threads.leftAfter(Duration.ofSeconds(5))).as("threads still running after verify").isEmpty();
    }

    @Test
    void vnncompGivesEachInstanceItsTimeLimit() throws IOException {
        Path net = SharedData.require("acasxu/onnx/ACASXU_run2a_4_7_batch_2000.onnx");
        Path prop = SharedData.require("acasxu/vnnlib/prop_1.vnnlib");
        Path instances = temp.resolve("instances.csv");
        Files.writeString(instances, net + "," + prop + ",1\n" + net + "," + prop + ",1\n");
        Path out = temp.resolve("results.csv");

        long start = System.nanoTime();
        Cli.Result run = Cli.run("vnncomp", instances.toString(), "--out", out.toString());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(run.code()).as("%s", run).isZero();
        List<String> rows = Files.readAllLines(out);
        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row).contains(",timeout,"));
        assertThat(elapsed).as("two instances of 1 s each").isLessThan(Duration.ofSeconds(2).plus(GRACE));
    }
}
