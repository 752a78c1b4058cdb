package dev.newsbatch.app.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;

/**
 * A JSON syntax error in plain words: where (line and column) and what was expected, without the
 * parser's class names, source descriptions or token codes.
 *
 * <pre>{@code
 * JsonSyntax.describe(e);   // "line 1, column 38: expected a field name in double quotes, found 'c'"
 * }</pre>
 */
final class JsonSyntax {
    private JsonSyntax() {}

    static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr()
                + ": ";
        return where + what(e);
    }

    private static String what(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        String found = found(m);
        if (e instanceof JsonEOFException || m.startsWith("Unexpected end-of-input")) {
            if (m.contains("Array")) {
                return "the body ends inside an array; expected ']' (or more items)";
            }
            if (m.contains("Object")) {
                return "the body ends inside an object; expected '}' (or more fields)";
            }
            return "the body ends too early";
        }
        if (m.contains("was expecting double-quote to start field name")) {
            return "expected a field name in double quotes" + found;
        }
        if (m.contains("was expecting comma to separate Object entries")) {
            return "expected ',' or '}' after a field's value" + found;
        }
        if (m.contains("was expecting comma to separate Array entries")) {
            return "expected ',' or ']' after an array item" + found;
        }
        if (m.contains("was expecting a colon")) {
            return "expected ':' after a field name" + found;
        }
        if (m.startsWith("Unrecognized token")) {
            return "expected a value (a string in double quotes, a number, true, false, null, an object or an array)"
                    + tokenOf(m);
        }
        if (m.contains("Illegal unquoted character") || m.contains("Illegal control character")) {
            return "a control character (such as a raw line break or tab) inside a string; escape it, e.g. \\n";
        }
        if (m.contains("Unexpected close marker")) {
            return "a closing bracket that does not match the opening one" + found;
        }
        if (m.contains("Trailing token") || m.contains("trailing token")) {
            return "more text after the end of the JSON value";
        }
        if (m.contains("Invalid UTF-8")) {
            return "the body is not valid UTF-8";
        }
        if (m.contains("Unexpected character")) {
            return "expected a value" + found;
        }
        return "not valid JSON";
    }

    /** {@code , found 'c'} from Jackson's {@code Unexpected character ('c' (code 99))}. */
    private static String found(String m) {
        int i = m.indexOf("Unexpected character ('");
        if (i < 0) {
            return "";
        }
        int start = i + "Unexpected character ('".length();
        int end = m.indexOf('\'', start + 1);
        return end > start ? ", found '" + m.substring(start, end) + "'" : "";
    }

    /** {@code , found abc} from Jackson's {@code Unrecognized token 'abc': was expecting ...}. */
    private static String tokenOf(String m) {
        int start = m.indexOf('\'');
        int end = start < 0 ? -1 : m.indexOf('\'', start + 1);
        return end > start + 1 ? ", found " + m.substring(start + 1, Math.min(end, start + 41)) : "";
    }
}
