package io.exactline.verifier.vnnlib;

/**
 * Splits VNN-LIB text into tokens: {@code (}, {@code )} and symbols (every maximal run of characters that are
 * not white space, parentheses or {@code ;}). A {@code ;} starts a comment that runs to the end of the line.
 * Lines and columns count from 1; a tab is one column.
 */
final class Lexer {
    enum Kind { OPEN, CLOSE, SYMBOL, END }

    private final char[] text;
    private int offset;
    private int line = 1;
    private int column = 1;

    private Kind kind;
    private String symbol;
    private Position position;

    Lexer(String text) {
        this.text = text.toCharArray();
        next();
    }

    /** The current token's kind. */
    Kind kind() {
        return kind;
    }

    /** The current symbol's text; only for {@link Kind#SYMBOL}. */
    String symbol() {
        return symbol;
    }

    /** Where the current token starts. */
    Position position() {
        return position;
    }

    /** The current token as it would be quoted in a message. */
    String describe() {
        return switch (kind) {
            case OPEN -> "'('";
            case CLOSE -> "')'";
            case SYMBOL -> "'" + symbol + "'";
            case END -> "the end of the file";
        };
    }

    /** Moves to the next token. */
    void next() {
        skipBlanksAndComments();
        position = new Position(line, column);
        if (offset >= text.length) {
            kind = Kind.END;
            symbol = null;
            return;
        }
        char c = text[offset];
        if (c == '(' || c == ')') {
            kind = c == '(' ? Kind.OPEN : Kind.CLOSE;
            symbol = null;
            advance();
            return;
        }
        int start = offset;
        while (offset < text.length && !isDelimiter(text[offset])) {
            advance();
        }
        kind = Kind.SYMBOL;
        symbol = new String(text, start, offset - start);
    }

    private void skipBlanksAndComments() {
        while (offset < text.length) {
            char c = text[offset];
            if (c == ';') {
                while (offset < text.length && text[offset] != '\n') {
                    advance();
                }
            } else if (isBlank(c)) {
                advance();
            } else {
                return;
            }
        }
    }

    private void advance() {
        if (text[offset] == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
        offset++;
    }

    private static boolean isDelimiter(char c) {
        return c == '(' || c == ')' || c == ';' || isBlank(c);
    }

    /** Space, tab, line breaks and the other control characters up to U+0020, as SMT-LIB white space. */
    private static boolean isBlank(char c) {
        return c <= ' ';
    }
}
