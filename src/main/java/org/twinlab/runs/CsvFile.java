package org.twinlab.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One of a run's CSV files read back leniently: the header, the rows that are whole, and a note when
 * the file is damaged (a torn last row after a crash, a row of the wrong width, a cell that is not a
 * number where a number belongs). Missing columns (files of older versions) read as NaN.
 */
public final class CsvFile {
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String[]> rows;
    private final String problem;

    private CsvFile(List<String> header, List<String[]> rows, String problem) {
        this.header = header;
        this.rows = rows;
        this.problem = problem;
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i), i);
        }
    }

    /** The file's whole rows; an absent file is an empty table with no problem. */
    public static CsvFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            return new CsvFile(List.of(), List.of(), null);
        }
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8); // a byte that is not text reads as U+FFFD
        } catch (IOException e) {
            return new CsvFile(List.of(), List.of(), file.getFileName() + ": cannot be read ("
                    + org.twinlab.util.IoErrors.describe(e) + ")");
        }
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || lines[0].isBlank()) {
            return new CsvFile(List.of(), List.of(), file.getFileName() + ": empty");
        }
        String[] head = cells(lines[0].strip());
        if (head == null) {
            return new CsvFile(List.of(), List.of(), file.getFileName() + ": damaged (its header is not CSV)");
        }
        List<String> header = List.of(head);
        List<String[]> rows = new ArrayList<>();
        String problem = null;
        int last = lines.length - 1;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() && i == last) {
                break; // the newline that ends the file
            }
            String[] cells = cells(line);
            if (cells == null || cells.length != header.size()) {
                problem = file.getFileName() + (i == last ? ": truncated (its last row is incomplete)"
                        : ": damaged (row " + i + (cells == null ? " is not CSV)" : " has " + cells.length
                        + " cells, the header " + header.size() + ")"));
                if (i == last) {
                    break;
                }
                continue;
            }
            rows.add(cells);
        }
        if (problem == null && text.indexOf('\uFFFD') >= 0) {
            problem = file.getFileName() + ": damaged (holds bytes that are not text)";
        }
        if (problem == null && !text.endsWith("\n")) {
            problem = file.getFileName() + ": truncated (its last row is incomplete)";
            if (!rows.isEmpty()) {
                rows.remove(rows.size() - 1);
            }
        }
        return new CsvFile(header, rows, problem);
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("").get();

    /**
     * One line's cells as CSV reads them (RFC 4180: a cell with a comma or a quote is quoted, so a class named
     * "T-shirt, top" survives); null when the line is not CSV (a quote left open by a torn write).
     */
    static String[] cells(String line) {
        if (line.indexOf('"') < 0) {
            return line.split(",", -1); // no quote: every comma separates (the metrics files, row after row, fast)
        }
        try (CSVParser p = CSVParser.parse(line, FORMAT)) {
            List<CSVRecord> records = p.getRecords();
            return records.size() != 1 ? (line.isEmpty() ? new String[] {""} : null) : records.get(0).values();
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            return null;
        }
    }

    /** The cells as one CSV line (no line end), quoted where they need it: what {@link #cells} reads back. */
    public static String line(Object... cells) {
        return FORMAT.format(cells);
    }

    public List<String> header() {
        return header;
    }

    public int size() {
        return rows.size();
    }

    public boolean has(String column) {
        return index.containsKey(column);
    }

    /** What is wrong with the file, or null. */
    public String problem() {
        return problem;
    }

    public String text(int row, String column) {
        Integer c = index.get(column);
        return c == null ? "" : rows.get(row)[c];
    }

    /** The cell as a number; NaN where the column is absent or the cell is empty or not a number. */
    public double number(int row, String column) {
        String s = text(row, column);
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    public double[] column(String column) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(i, column);
        }
        return out;
    }

    /**
     * A step file's lines as they are, byte for byte (read as ISO-8859-1, so a damaged byte survives a rewrite
     * unchanged instead of failing it); {@link #writeLines} writes them back the same way, atomically.
     */
    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
    }

    static void writeLines(Path file, List<String> lines) throws IOException {
        AtomicFiles.write(file, out -> out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** This file's rows under another header (see {@link #reshape}). */
    static CsvFile reshaped(CsvFile f, String header) {
        List<String> lines = new ArrayList<>();
        lines.add(line((Object[]) f.header.toArray(new String[0])));
        for (String[] r : f.rows) {
            lines.add(line((Object[]) r));
        }
        List<String> out = reshape(lines, header);
        List<String[]> rows = new ArrayList<>();
        for (String line : out.subList(1, out.size())) {
            rows.add(cells(line));
        }
        return new CsvFile(List.of(cells(header)), rows, f.problem);
    }

    /** Rows under another header mapped to {@code header}: same-named columns kept, Barlow Twins' old unweighted redundancy weighted by lambda. */
    static List<String> reshape(List<String> lines, String header) {
        String[] old = lines.get(0).split(",");
        Map<String, Integer> at = new LinkedHashMap<>();
        for (int i = 0; i < old.length; i++) {
            at.put(old[i], i);
        }
        String[] cols = header.split(",");
        List<String> out = new ArrayList<>(List.of(header));
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] v = line.split(",", -1);
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < cols.length; i++) {
                Integer j = at.get(cols[i]);
                String cell = j != null && j < v.length ? v[j] : "";
                if (j == null && cols[i].equals("lambda_redundancy") && at.containsKey("redundancy") && at.containsKey("lambda")) {
                    cell = String.format(Locale.ROOT, "%.6g", Double.parseDouble(v[at.get("redundancy")])
                            * Double.parseDouble(v[at.get("lambda")]));
                }
                row.append(i == 0 ? "" : ",").append(cell);
            }
            out.add(row.toString());
        }
        return out;
    }


    /**
     * Whether the file's last row is whole, from its header and its last few kilobytes only: cheap enough
     * for a list of hundreds of runs. Null when whole or absent.
     */
    static String tailProblem(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "r")) {
            long size = raf.length();
            if (size == 0) {
                return file.getFileName() + ": empty";
            }
            String header = raf.readLine();
            int width = header == null ? 0 : header.split(",").length;
            long from = Math.max(0, size - 4096);
            byte[] tail = new byte[(int) (size - from)];
            raf.seek(from);
            raf.readFully(tail);
            String t = new String(tail, StandardCharsets.UTF_8);
            if (t.substring(Math.min(t.length(), 4)).indexOf('\uFFFD') >= 0) { // (the tail may start inside a character)
                return file.getFileName() + ": damaged (holds bytes that are not text)";
            }
            if (!t.endsWith("\n")) {
                return file.getFileName() + ": truncated (its last row is incomplete)";
            }
            String[] lines = t.substring(0, t.length() - 1).split("\n");
            String last = lines[lines.length - 1];
            if (size > header.length() + 1 && last.split(",", -1).length != width) {
                return file.getFileName() + ": damaged (its last row has the wrong number of cells)";
            }
            return null;
        } catch (IOException e) {
            return file.getFileName() + ": cannot be read";
        }
    }
}
