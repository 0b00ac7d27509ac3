package org.twinlab.export;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code report.html}: one self-contained page (figures inlined as PNG data, no script, no network)
 * with the run's key results, the probe table with its baselines, the curves, the final C, the PCA and
 * every setting. Large type and a white page, to show in a lecture or attach to a draft.
 */
final class Report {
    static final String FILE = "report.html";

    /** What the page shows besides the figures. */
    record Content(String title, RunArtifacts.Settings settings, JsonObject config, JsonObject summary,
                   List<RunArtifacts.ProbeRow> probes, String architecture, int featureDim, String input, int step,
                   int points, boolean withProjector, java.time.Instant created, java.time.Instant exported) {
    }

    private Report() {
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String html(Content c, List<Figures.Figure> figures) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>""").append(esc(c.title())).append("""
                </title>
                <style>
                body { font-family: 'DejaVu Sans', Verdana, Arial, Helvetica, sans-serif; color: #222; background: #fff;
                       margin: 0 auto; max-width: 1200px; padding: 24px 32px; font-size: 18px; line-height: 1.45; }
                h1 { font-size: 32px; margin: 0 0 4px 0; } h2 { font-size: 24px; margin: 32px 0 8px 0; border-bottom: 2px solid #eee; }
                .sub { color: #555; margin-bottom: 16px; }
                table { border-collapse: collapse; margin: 8px 0; } td, th { padding: 6px 14px; border-bottom: 1px solid #e3e3e3; text-align: left; }
                th { background: #f6f6f6; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
                .key { display: flex; gap: 16px; flex-wrap: wrap; margin: 16px 0; }
                .key div { background: #f4f7fb; border-radius: 8px; padding: 10px 18px; }
                .key b { display: block; font-size: 28px; }
                figure { margin: 16px 0 28px 0; } figure img { width: 100%; height: auto; border: 1px solid #eee; }
                figcaption { color: #555; font-size: 16px; }
                code, pre { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 15px; }
                pre { background: #f6f6f6; padding: 12px; overflow-x: auto; }
                .cfg td:first-child { color: #555; }
                </style></head><body>
                """);
        RunArtifacts.Settings s = c.settings();
        h.append("<h1>").append(esc(c.title())).append("</h1>\n<div class=\"sub\">")
                .append(esc(String.format(Locale.ROOT, "%s encoder (%d features) on %s, input %s, exported at step %d",
                        c.architecture(), c.featureDim(), s.dataset(), c.input(), c.step()))).append("</div>\n");
        key(h, c);
        facts(h, c);
        probeTable(h, c.probes());
        h.append("<h2>Figures</h2>\n");
        for (Figures.Figure f : figures) {
            String data = Base64.getEncoder().encodeToString(Files.readAllBytes(f.png()));
            h.append("<figure><img alt=\"").append(esc(f.title()))
                    .append("\" src=\"data:image/png;base64,").append(data).append("\"><figcaption>")
                    .append(esc(f.caption())).append("</figcaption></figure>\n");
        }
        h.append("<h2>Settings</h2>\n<table class=\"cfg\">\n");
        Map<String, String> flat = settingsRows(c);
        flat.forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td>").append(esc(v)).append("</td></tr>\n"));
        h.append("</table>\n");
        h.append("<h2>Using the encoder</h2>\n<pre>import sys; sys.path.insert(0, \"path/to/this/folder\")\n"
                + "from encoder import load_encoder, preprocess\n"
                + "features = load_encoder()(preprocess(images))   # uint8 images as the dataset stores them</pre>\n")
                .append("<p>The folder also holds the weights for DJL (<code>djl/</code>), TensorBoard's projector files "
                        + "for ").append(c.points()).append(" test images (<code>projector/</code>), the figures as PNG and SVG "
                        + "(<code>figures/</code>), <code>recipe.md</code> (the same run with the official PyTorch code) and "
                        + "<code>manifest.json</code> with the SHA-256 of every file")
                .append(c.withProjector() ? "; the projector's weights are included" : "").append(".</p>\n");
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void key(StringBuilder h, Content c) {
        List<String[]> cells = new ArrayList<>();
        RunArtifacts.ProbeRow last = null;
        for (RunArtifacts.ProbeRow p : c.probes()) {
            if (p.encoder().equals("trained")) {
                last = p;
            }
        }
        if (last != null) {
            cells.add(new String[] {pct(last.linearTop1()), "linear top-1"});
            cells.add(new String[] {pct(last.knnTop1()), "kNN top-1"});
        }
        JsonObject sum = c.summary();
        if (sum != null && sum.has("finalLoss") && !sum.get("finalLoss").isJsonNull()) {
            cells.add(new String[] {String.format(Locale.ROOT, "%.4g", sum.get("finalLoss").getAsDouble()), "final loss"});
        }
        RunArtifacts.Settings s = c.settings();
        cells.add(new String[] {String.valueOf(s.lambda()), "λ"});
        cells.add(new String[] {String.valueOf(s.batchSize()), "batch"});
        cells.add(new String[] {s.projectorWidth() + " × " + s.projectorDepth(), "projector"});
        h.append("<div class=\"key\">");
        for (String[] kv : cells) {
            h.append("<div><b>").append(esc(kv[0])).append("</b>").append(esc(kv[1])).append("</div>");
        }
        h.append("</div>\n");
    }

    /** The run's facts that were only in manifest.json: when, where, how long, how fast, how spread, by what. */
    private static void facts(StringBuilder h, Content c) {
        Map<String, String> rows = new java.util.LinkedHashMap<>();
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(java.time.ZoneOffset.UTC);
        if (c.created() != null && c.created().getEpochSecond() > 0) {
            rows.put("trained", day.format(c.created()));
        }
        JsonObject sum = c.summary();
        if (sum != null) {
            if (has(sum, "state")) {
                rows.put("ended", sum.get("state").getAsString() + (has(sum, "steps") ? " at step " + sum.get("steps").getAsInt()
                        + (has(sum, "epochs") ? String.format(Locale.ROOT, " (%.2f epochs)", sum.get("epochs").getAsDouble()) : "")
                        : ""));
            }
            if (has(sum, "device")) {
                rows.put("device", sum.get("device").getAsString());
            }
            if (has(sum, "trainSeconds")) {
                rows.put("training time", duration(sum.get("trainSeconds").getAsDouble()));
            }
            if (has(sum, "pairsPerSecond")) {
                rows.put("speed", String.format(Locale.ROOT, "%.1f pairs/s", sum.get("pairsPerSecond").getAsDouble()));
            }
            if (has(sum, "finalEffectiveRank")) {
                rows.put("effective rank of the embeddings", String.format(Locale.ROOT, "%.1f of %d",
                        sum.get("finalEffectiveRank").getAsDouble(), c.settings().projectorWidth()));
            }
            if (has(sum, "finalMeanDiagonal")) {
                rows.put("mean diagonal of C", String.format(Locale.ROOT, "%.3f", sum.get("finalMeanDiagonal").getAsDouble()));
            }
        }
        rows.put("exported", (c.exported() == null ? "" : day.format(c.exported()) + " by ") + "Twinlab " + Manifest.TWINLAB_VERSION);
        h.append("<h2>Run</h2>\n<table class=\"cfg\">\n");
        rows.forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td>").append(esc(v)).append("</td></tr>\n"));
        h.append("</table>\n");
    }

    private static boolean has(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull();
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? String.format(Locale.ROOT, "%.1f s", seconds)
                : s < 3600 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }

    /**
     * config.json flattened, in words where the raw value would mislead: the name the run is known by (a rename in
     * the window included), the official views for a null augment, no empty initEncoder, and the epochs a run
     * stopped early really trained.
     */
    static Map<String, String> settingsRows(Content c) {
        Map<String, String> flat = new TreeMap<>();
        flatten("", c.config(), flat);
        flat.put("name", c.settings().name());
        if ("null".equals(flat.get("augment")) || "".equals(flat.get("augment"))) {
            flat.put("augment", "official (the paper's two views, adapted to the image size)");
        }
        String init = flat.get("initEncoder");
        if (init == null || init.isEmpty() || "null".equals(init)) {
            flat.put("initEncoder", "none (random initialisation)");
        }
        JsonObject sum = c.summary();
        if (sum != null && has(sum, "epochs") && has(sum, "steps")) {
            double trained = sum.get("epochs").getAsDouble();
            int steps = sum.get("steps").getAsInt();
            String asked = flat.containsKey("steps") && !"0".equals(flat.get("steps")) ? flat.get("steps") + " steps"
                    : Recipe.g(c.settings().epochs()) + " epochs";
            flat.put("epochs", String.format(Locale.ROOT, "%.2f trained (%d steps; %s asked)", trained, steps, asked));
        }
        return flat;
    }

    private static void probeTable(StringBuilder h, List<RunArtifacts.ProbeRow> probes) {
        h.append("<h2>Probe</h2>\n");
        Map<String, RunArtifacts.ProbeRow> last = new java.util.LinkedHashMap<>();
        for (String who : List.of("trained", "random", "pixels")) {
            for (RunArtifacts.ProbeRow p : probes) {
                if (p.encoder().equals(who)) {
                    last.put(who, p);
                }
            }
        }
        if (last.isEmpty()) {
            h.append("<p>The run recorded no probe; <code>twinlab probe --encoder DIR --dataset D</code> runs one.</p>\n");
            return;
        }
        Map<String, String> names = Map.of("trained", "trained encoder", "random", "random encoder (same architecture)",
                "pixels", "raw pixels");
        h.append("<table><tr><th>features</th><th>step</th><th>linear top-1</th><th>linear top-5</th><th>kNN top-1</th></tr>\n");
        last.forEach((who, p) -> h.append("<tr><td>").append(esc(names.get(who))).append("</td><td class=\"num\">")
                .append(p.step()).append("</td><td class=\"num\">").append(pct(p.linearTop1()))
                .append("</td><td class=\"num\">").append(pct(p.linearTop5())).append("</td><td class=\"num\">")
                .append(pct(p.knnTop1())).append("</td></tr>\n"));
        h.append("</table>\n");
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : "–";
    }

    private static void flatten(String prefix, JsonElement e, Map<String, String> out) {
        if (e == null || e.isJsonNull()) {
            out.put(prefix, e == null ? "" : "null");
        } else if (e.isJsonObject()) {
            for (var m : e.getAsJsonObject().entrySet()) {
                flatten(prefix.isEmpty() ? m.getKey() : prefix + "." + m.getKey(), m.getValue(), out);
            }
        } else if (e.isJsonArray()) {
            out.put(prefix, e.toString());
        } else {
            out.put(prefix, e.getAsString());
        }
    }
}
