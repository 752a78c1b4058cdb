package dev.newsbatch.ingest;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Tells tables of data, which cleaning keeps, from tables used for layout. A data table has a summary, a
 * caption or header parts (th, thead, tfoot, col, colgroup), or, without nested tables, more than one row and
 * column and either at least 10 rows, more than 4 columns or more than 10 cells; {@code role="presentation"}
 * and {@code datatable="0"} mark layout tables.
 */
final class DataTables {
    private DataTables() {}

    static boolean isDataTable(Element t) {
        if ("presentation".equals(t.attr("role"))) {
            return false;
        }
        if ("0".equals(t.attr("datatable"))) {
            return false;
        }
        if (t.hasAttr("summary")) {
            return true;
        }
        // the child elements are read off the child nodes: Element.children() would build a list of them
        for (int i = 0, n = t.childNodeSize(); i < n; i++) {
            Node node = t.childNode(i);
            if (node instanceof Element && ((Element) node).normalName().equals("caption")) {
                if (node.childNodeSize() > 0) {
                    return true;
                }
                break;
            }
        }
        TableParts tp = new TableParts();
        tp.collect(t);
        if (tp.hasHeaderParts) {
            return true;
        }
        if (tp.nestedTables) {
            return false;
        }
        int rows = 0;
        int columns = 0;
        for (Element tr : tp.rows) {
            rows += Math.max(1, parseInt(tr.attr("rowspan")));
            int cols = 0;
            for (int i = 0, n = tr.childNodeSize(); i < n; i++) {
                Node td = tr.childNode(i);
                if (td instanceof Element) {
                    cols += Math.max(1, parseInt(td.attr("colspan")));
                }
            }
            columns = Math.max(columns, cols);
        }
        if (rows == 1 || columns == 1) {
            return false;
        }
        if (rows >= 10 || columns > 4) {
            return true;
        }
        return rows * columns > 10;
    }

    /** The integer {@code s} states, or 0; most cells have no span, so the empty string is answered first. */
    private static int parseInt(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The rows of a table and whether it has header parts or nested tables, in one walk. */
    private static final class TableParts {
        final List<Element> rows = new ArrayList<>();
        boolean hasHeaderParts;
        boolean nestedTables;

        void collect(Element e) {
            for (int i = 0, n = e.childNodeSize(); i < n; i++) {
                Node node = e.childNode(i);
                if (node instanceof Element) {
                    Element c = (Element) node;
                    switch (c.normalName()) {
                        case "col": case "colgroup": case "tfoot": case "thead": case "th":
                            hasHeaderParts = true;
                            break;
                        case "table":
                            nestedTables = true;
                            break;
                        case "tr":
                            rows.add(c);
                            break;
                        default:
                            break;
                    }
                    collect(c);
                }
            }
        }
    }
}
