package io.exactline.preconditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.exactline.core.BadInputException;

class JsonLineTest {
    @Test
    void everyValueReadsBackExactly() {
        JsonLine line = new JsonLine().put("text", "a \"quoted\"\\ line\n\ttab\u0001").put("third", 1.0 / 3)
                .put("count", 12345678901L).put("flag", true).put("inf", Double.POSITIVE_INFINITY)
                .put("array", new double[] {0.1, -2.5e-300, Double.NEGATIVE_INFINITY, 7});

        JsonLine read = JsonLine.parse(line.write(), "test");

        assertThat(read.string("text")).isEqualTo("a \"quoted\"\\ line\n\ttab\u0001");
        assertThat(read.number("third")).isEqualTo(1.0 / 3);
        assertThat(read.number("count")).isEqualTo(12345678901.0);
        assertThat(read.bool("flag")).isTrue();
        assertThat(read.number("inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(read.numbers("array")).containsExactly(0.1, -2.5e-300, Double.NEGATIVE_INFINITY, 7);
        assertThat(read.write()).isEqualTo(line.write());
    }

    @Test
    void aDamagedLineNamesWhereAndTheColumn() {
        assertThatThrownBy(() -> JsonLine.parse("{\"a\": 1, \"b\" 2}", "f.jsonl line 3"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("f.jsonl line 3 column 14")
                .hasMessageContaining("expected ':'");
        assertThatThrownBy(() -> JsonLine.parse("{\"a\": 1}", "x").string("a"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("'a' of the wrong type");
    }
}
