package io.exactline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MineCommandTest {
    @TempDir
    Path temp;

    @Test
    void minesWritesTheReportsAndResumesWithoutReproving() throws IOException {
        Path out = temp.resolve("run");
        Cli.Result first = Cli.run("preconditions", "mine", Cli.kinks(), "--property", "argmax=0", "--domain", "-1:1",
                "--samples", "200", "--out", out.toString());

        assertThat(first.code()).as("%s", first).isZero();
        assertThat(first.out()).contains("preconditions; coverage").hasLineCount(1);
        assertThat(first.err()).contains("200 samples drawn");
        assertThat(out.resolve("report.md")).exists();
        assertThat(Files.readString(out.resolve("report.json"))).contains("\"coverage\"");
        long lines = Files.lines(out.resolve("preconditions.jsonl")).count();
        assertThat(lines).isGreaterThan(1);

        Cli.Result second = Cli.run("preconditions", "mine", Cli.kinks(), "--property", "argmax=0", "--domain",
                "-1:1", "--samples", "200", "--out", out.toString());

        assertThat(second.code()).as("%s", second).isZero();
        assertThat(second.err()).contains("resumed").doesNotContain("sample ");
        assertThat(Files.lines(out.resolve("preconditions.jsonl")).count()).isEqualTo(lines);
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void aCheckpointOfAnotherRunIsBadInput() {
        Path out = temp.resolve("run");
        Cli.run("preconditions", "mine", Cli.kinks(), "--property", "argmax=0", "--domain", "-1:1", "--samples", "20",
                "--out", out.toString());

        Cli.Result other = Cli.run("preconditions", "mine", Cli.kinks(), "--property", "argmax=1", "--domain", "-1:1",
                "--samples", "20", "--out", out.toString());

        assertThat(other.code()).as("%s", other).isEqualTo(2);
        assertThat(other.err()).contains("records another run").contains("another --out directory");
    }

    @Test
    void badPropertyAndDomainAreBadInputNamingTheOption() {
        Cli.Result property = Cli.run("preconditions", "mine", Cli.kinks(), "--property", "top=1", "--domain", "-1:1",
                "--out", temp.toString());
        Cli.Result index = Cli.run("preconditions", "mine", Cli.kinks(), "--property", "argmin=7", "--domain", "-1:1",
                "--out", temp.toString());
        Cli.Result domain = Cli.run("preconditions", "mine", Cli.kinks(), "--property", "argmin=0", "--domain",
                "-1:1,0:1", "--out", temp.toString());
        Cli.Result acas = Cli.run("preconditions", "mine", Cli.kinks(), "--property", "argmin=0", "--domain",
                "acasxu", "--out", temp.toString());

        assertThat(property.code()).isEqualTo(2);
        assertThat(property.err()).contains("--property 'top=1'");
        assertThat(index.code()).isEqualTo(2);
        assertThat(index.err()).contains("argmin=7");
        assertThat(domain.code()).isEqualTo(2);
        assertThat(domain.err()).contains("--domain has 2 intervals");
        assertThat(acas.code()).isEqualTo(2);
        assertThat(acas.err()).contains("5 inputs");
    }
}
