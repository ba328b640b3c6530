package io.exactline.core.io;

import java.util.Locale;

/** JSON text for the reports the modules write by hand (they need no JSON library for a few flat objects). */
public final class JsonText {
    private JsonText() {
    }

    /**
     * {@code text} as a JSON string literal: in double quotes, with quote, backslash and control characters escaped
     * (RFC 8259, section 7).
     */
    public static String quote(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> s.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return s.append('"').toString();
    }
}
