package io.exactline.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path temp;

    @Test
    void replacesTheFileByTheWholeNewContentAndLeavesNothingElseInTheFolder() throws IOException {
        Path file = temp.resolve("result.txt");
        Files.writeString(file, "old content that is longer than the new one");

        AtomicFiles.writeString(file, "unsat\n");

        assertThat(Files.readString(file)).isEqualTo("unsat\n");
        assertThat(folder()).containsExactly("result.txt");
    }

    @Test
    void aWriterThatFailsHalfWayLeavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
        Path file = temp.resolve("out.csv");
        Files.writeString(file, "a,b\n1,2\n");

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("half of a new ".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("cannot write " + file + ": disk full");

        assertThat(Files.readString(file)).isEqualTo("a,b\n1,2\n");
        assertThat(folder()).containsExactly("out.csv");
    }

    @Test
    void anUncheckedFailureInTheWriterAlsoLeavesNoTrace() throws IOException {
        Path file = temp.resolve("new.json");

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write('{');
            throw new IllegalStateException("bug in the writer");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(folder()).isEmpty();
    }

    @Test
    void aMissingFolderIsAnIoErrorNamingIt() {
        Path file = temp.resolve("no-such-folder").resolve("result.txt");

        assertThatThrownBy(() -> AtomicFiles.writeString(file, "sat\n")).isInstanceOf(IOException.class)
                .hasMessage("cannot write " + file + ": the folder " + file.getParent() + " does not exist");
    }

    @Test
    void writesPngsThatReadBackPixelForPixel() throws IOException {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xff0000);
        image.setRGB(2, 1, 0x00ff00);
        Path file = temp.resolve("picture.png");

        AtomicFiles.writePng(file, image);

        BufferedImage read = ImageIO.read(file.toFile());
        assertThat(read.getWidth()).isEqualTo(3);
        assertThat(read.getRGB(0, 0) & 0xffffff).isEqualTo(0xff0000);
        assertThat(read.getRGB(2, 1) & 0xffffff).isEqualTo(0x00ff00);
        assertThat(read.getRGB(1, 0) & 0xffffff).isZero();
    }

    private String[] folder() throws IOException {
        try (Stream<Path> files = Files.list(temp)) {
            return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }
}
