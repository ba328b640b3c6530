package io.exactline.preconditions;

import java.util.LinkedHashMap;
import java.util.Map;

import io.exactline.core.BadInputException;
import io.exactline.core.io.JsonText;

/**
 * One flat JSON object on one line, the record format of the mining checkpoint and the report: keys map to a
 * string, a number (doubles written with {@link Double#toString}, so they read back exactly; non-finite values as
 * the strings {@code "Infinity"}, {@code "-Infinity"}, {@code "NaN"}), a boolean, or an array of numbers. Nothing
 * else is needed, so nothing else is read.
 */
final class JsonLine {
    private final Map<String, Object> values = new LinkedHashMap<>();

    JsonLine put(String key, String value) {
        values.put(key, value);
        return this;
    }

    JsonLine put(String key, double value) {
        values.put(key, value);
        return this;
    }

    JsonLine put(String key, long value) {
        values.put(key, (double) value);
        return this;
    }

    JsonLine put(String key, boolean value) {
        values.put(key, value);
        return this;
    }

    JsonLine put(String key, double[] value) {
        values.put(key, value.clone());
        return this;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    String string(String key) {
        return get(key, String.class);
    }

    double number(String key) {
        Object v = values.get(key);
        if (v instanceof String s && (s.equals("Infinity") || s.equals("-Infinity") || s.equals("NaN"))) {
            return Double.parseDouble(s);
        }
        return get(key, Double.class);
    }

    boolean bool(String key) {
        return get(key, Boolean.class);
    }

    double[] numbers(String key) {
        return get(key, double[].class).clone();
    }

    private <T> T get(String key, Class<T> type) {
        Object v = values.get(key);
        if (!type.isInstance(v)) {
            throw new BadInputException("JSON line has " + (v == null ? "no key '" + key + "'"
                    : "'" + key + "' of the wrong type") + "; expected a " + type.getSimpleName());
        }
        return type.cast(v);
    }

    /** The object on one line. */
    String write() {
        StringBuilder s = new StringBuilder("{");
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (s.length() > 1) {
                s.append(", ");
            }
            quote(s, e.getKey());
            s.append(": ");
            Object v = e.getValue();
            if (v instanceof String text) {
                quote(s, text);
            } else if (v instanceof Double d) {
                number(s, d);
            } else if (v instanceof Boolean b) {
                s.append(b);
            } else {
                double[] array = (double[]) v;
                s.append('[');
                for (int i = 0; i < array.length; i++) {
                    s.append(i > 0 ? ", " : "");
                    number(s, array[i]);
                }
                s.append(']');
            }
        }
        return s.append('}').toString();
    }

    private static void number(StringBuilder s, double d) {
        if (!Double.isFinite(d)) {
            quote(s, Double.toString(d));
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            s.append((long) d);
        } else {
            s.append(d);
        }
    }

    private static void quote(StringBuilder s, String text) {
        s.append(JsonText.quote(text));
    }

    /**
     * Reads a line written by {@link #write}.
     *
     * @param where the file and line number, for messages
     * @throws BadInputException naming {@code where} and the column if the line is not such an object
     */
    static JsonLine parse(String line, String where) {
        return new Reader(line, where).object();
    }

    private static final class Reader {
        private final String text;
        private final String where;
        private int pos;

        Reader(String text, String where) {
            this.text = text;
            this.where = where;
        }

        JsonLine object() {
            JsonLine json = new JsonLine();
            expect('{');
            skip();
            if (peek() == '}') {
                pos++;
                return json;
            }
            while (true) {
                skip();
                String key = string();
                skip();
                expect(':');
                skip();
                json.values.put(key, value());
                skip();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect('}');
                    skip();
                    if (pos != text.length()) {
                        throw error("text after the object");
                    }
                    return json;
                }
            }
        }

        private Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (text.startsWith("true", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("false", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (c == '[') {
                pos++;
                java.util.List<Double> list = new java.util.ArrayList<>();
                skip();
                if (peek() == ']') {
                    pos++;
                    return new double[0];
                }
                while (true) {
                    skip();
                    list.add(arrayNumber());
                    skip();
                    if (peek() == ',') {
                        pos++;
                    } else {
                        expect(']');
                        return list.stream().mapToDouble(Double::doubleValue).toArray();
                    }
                }
            }
            return number();
        }

        private double arrayNumber() {
            if (peek() == '"') {
                String s = string();
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw error("'" + s + "' is not a number");
                }
            }
            return number();
        }

        private double number() {
            int start = pos;
            while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            try {
                return Double.parseDouble(text.substring(start, pos));
            } catch (NumberFormatException e) {
                pos = start;
                throw error("expected a value");
            }
        }

        private String string() {
            expect('"');
            StringBuilder s = new StringBuilder();
            while (pos < text.length() && text.charAt(pos) != '"') {
                char c = text.charAt(pos++);
                if (c == '\\' && pos < text.length()) {
                    char e = text.charAt(pos++);
                    switch (e) {
                        case 'n' -> s.append('\n');
                        case 'r' -> s.append('\r');
                        case 't' -> s.append('\t');
                        case 'u' -> {
                            if (pos + 4 > text.length()) {
                                throw error("short \\u escape");
                            }
                            s.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                            pos += 4;
                        }
                        default -> s.append(e);
                    }
                } else {
                    s.append(c);
                }
            }
            expect('"');
            return s.toString();
        }

        private char peek() {
            if (pos >= text.length()) {
                throw error("unexpected end of line");
            }
            return text.charAt(pos);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private void skip() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private BadInputException error(String problem) {
            return new BadInputException(where + " column " + (pos + 1) + ": " + problem
                    + "; the file is a mining checkpoint written by exactline, use a fresh --out directory if it is damaged");
        }
    }
}
