package io.exactline.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void quotesEscapeQuotesBackslashesAndControlCharacters() {
        assertThat(JsonText.quote("plain")).isEqualTo("\"plain\"");
        assertThat(JsonText.quote("a \"b\" \\ c")).isEqualTo("\"a \\\"b\\\" \\\\ c\"");
        assertThat(JsonText.quote("line\nnext\ttab\rret")).isEqualTo("\"line\\nnext\\ttab\\rret\"");
        assertThat(JsonText.quote("bell\u0007")).isEqualTo("\"bell\\u0007\"");
        assertThat(JsonText.quote("ψ ρ θ")).as("non-ASCII stays as it is").isEqualTo("\"ψ ρ θ\"");
    }
}
