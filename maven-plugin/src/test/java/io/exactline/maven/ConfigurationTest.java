package io.exactline.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.acasxu.Advisory;
import io.exactline.core.BadInputException;

class ConfigurationTest {
    @TempDir
    Path dir;

    private void files(String... names) {
        for (String name : names) {
            TestFiles.write(dir.resolve(name), "");
        }
    }

    @Test
    void propertyIsAFileAFolderOrAGlob() {
        files("props/a.vnnlib", "props/b.vnnlib", "props/deep/c.vnnlib", "props/notes.txt");

        assertThat(PropertyFiles.resolve(dir, "props/a.vnnlib", "p")).containsExactly(dir.resolve("props/a.vnnlib"));
        assertThat(PropertyFiles.resolve(dir, "props", "p")).containsExactly(dir.resolve("props/a.vnnlib"),
                dir.resolve("props/b.vnnlib"), dir.resolve("props/deep/c.vnnlib"));
        assertThat(PropertyFiles.resolve(dir, "props/*.vnnlib", "p")).containsExactly(dir.resolve("props/a.vnnlib"),
                dir.resolve("props/b.vnnlib"));
        assertThat(PropertyFiles.resolve(dir, "props/**/c.vnnlib", "p"))
                .containsExactly(dir.resolve("props/deep/c.vnnlib"));
    }

    @Test
    void propertyThatNamesNoFileIsRefusedWithTheProofAndThePattern() {
        files("props/a.vnnlib");

        assertThatThrownBy(() -> PropertyFiles.resolve(dir, "props/x*.vnnlib", "<proof> number 2"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("<proof> number 2")
                .hasMessageContaining("props/x*.vnnlib");
        assertThatThrownBy(() -> PropertyFiles.resolve(dir, "props/absent.vnnlib", "<proof> number 1"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("absent.vnnlib")
                .hasMessageContaining("does not exist");
    }

    @Test
    void proofExpandsToOneTaskPerPropertyWithTheGoalsDefaults() {
        files("props/prop_1.vnnlib", "props/prop_2.vnnlib");
        Proof proof = new Proof(new File("nets/n.onnx"), List.of("props/*.vnnlib"), "violated", null, null);

        List<ProofTask> tasks = ProofTask.expand(proof, 1, dir, "auto", 30);

        assertThat(tasks).extracting(ProofTask::name).containsExactly("n.onnx / props/prop_1.vnnlib",
                "n.onnx / props/prop_2.vnnlib");
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.network()).isEqualTo(dir.resolve("nets/n.onnx"));
            assertThat(t.expectation()).isEqualTo(Expectation.VIOLATED);
            assertThat(t.engine()).isEqualTo("auto");
            assertThat(t.timeout()).isEqualTo(Duration.ofSeconds(30));
        });
    }

    @Test
    void proofWithoutNetworkOrWithAnUnknownExpectationOrTimeoutIsRefused() {
        files("p.vnnlib");

        assertThatThrownBy(() -> ProofTask.expand(new Proof(null, List.of("p.vnnlib"), "holds", null, null), 3, dir,
                "auto", 30)).hasMessageContaining("<proof> number 3 has no <network>");
        assertThatThrownBy(() -> ProofTask.expand(new Proof(new File("n.onnx"), List.of("p.vnnlib"), "safe", null,
                null), 1, dir, "auto", 30)).hasMessageContaining("<expect>safe</expect>");
        assertThatThrownBy(() -> ProofTask.expand(new Proof(new File("n.onnx"), List.of("p.vnnlib"), "holds", null,
                -1.0), 1, dir, "auto", 30)).hasMessageContaining("positive number of seconds");
        assertThatThrownBy(() -> ProofTask.expand(new Proof(new File("n.onnx"), List.of(), "holds", null, null), 1,
                dir, "auto", 30)).hasMessageContaining("has no <property>");
    }

    @Test
    void lineCheckParsesPointsAndExactlyOneExpectation() {
        LineTask task = LineTask.of(new LineCheck(null, new File("n.onnx"), "0.5, -1,2e-3", "1,2,3", "coc,WL", null,
                false), 1, dir);

        assertThat(task.from()).containsExactly(0.5, -1, 2e-3);
        assertThat(task.to()).containsExactly(1, 2, 3);
        assertThat(task.expectation()).isEqualTo(new LineExpectation.Advisories(List.of(Advisory.COC, Advisory.WL)));
        assertThat(task.name()).startsWith("n.onnx from [0.5, -1.0, 0.002]");
    }

    @Test
    void lineCheckWithBadPointsOrExpectationsIsRefusedNamingTheElement() {
        File n = new File("n.onnx");

        assertThatThrownBy(() -> LineTask.of(new LineCheck(null, n, "1,x", "1,2", null, 0, false), 2, dir))
                .hasMessageContaining("<lineCheck> number 2 <from>").hasMessageContaining("value 2 'x'");
        assertThatThrownBy(() -> LineTask.of(new LineCheck(null, n, "1,nan", "1,2", null, 0, false), 1, dir))
                .hasMessageContaining("not finite");
        assertThatThrownBy(() -> LineTask.of(new LineCheck(null, n, "1", "1,2", null, 0, false), 1, dir))
                .hasMessageContaining("<from> has 1 values but <to> has 2");
        assertThatThrownBy(() -> LineTask.of(new LineCheck(null, n, "1", "2", "COC", 0, false), 1, dir))
                .hasMessageContaining("exactly one of <advisories>");
        assertThatThrownBy(() -> LineTask.of(new LineCheck(null, n, "1", "2", null, null, false), 1, dir))
                .hasMessageContaining("exactly one of <advisories>");
        assertThatThrownBy(() -> LineTask.of(new LineCheck(null, n, "1", "2", "COC,COC", null, false), 1, dir))
                .hasMessageContaining("COC follows itself");
        assertThatThrownBy(() -> LineTask.of(new LineCheck(null, n, "1", "2", "COC,XX", null, false), 1, dir))
                .hasMessageContaining("unknown advisory 'XX'");
        assertThatThrownBy(() -> LineTask.of(new LineCheck(null, n, "1", "2", null, 0, true), 1, dir))
                .hasMessageContaining("<physicalUnits>");
    }
}
