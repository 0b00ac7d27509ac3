package org.twinlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinlab.train.RunState;
import org.twinlab.train.TrainConfig;
import tech.tablesaw.api.Table;

/** The Runs view's filter and "differing settings", on runs made up in memory (no training). */
class RunFilterTest {
    private static RunEntry run(String folder, double lambda, int batch, RunState state, RunMeta meta, String problem,
                                boolean withConfig) {
        TrainConfig.Builder b = TrainConfig.defaults().toBuilder();
        b.lambda = lambda;
        b.batchSize = batch;
        return new RunEntry(Path.of("/runs", folder), withConfig ? b.build() : null, meta, null, state, problem,
                Instant.parse("2026-11-25T10:00:00Z"), true, null);
    }

    private static final List<RunEntry> RUNS = List.of(
            run("a", 0.0051, 256, RunState.FINISHED, new RunMeta("baseline", List.of("keep", "paper"), "as in the paper"), null, true),
            run("b", 0.02, 256, RunState.STOPPED, RunMeta.NONE, null, true),
            run("c", 0.1, 128, RunState.FINISHED, new RunMeta("", List.of("keep"), ""), null, true),
            run("d", 0.1, 128, RunState.DAMAGED, RunMeta.NONE, "metrics.csv: truncated (its last row is incomplete)", true),
            run("e", 0, 0, RunState.DAMAGED, RunMeta.NONE, "no config.json", false));
    private static final Table TABLE = RunsTable.of(RUNS);

    private static List<String> folders(String query) {
        RunFilter f = RunFilter.parse(query, TABLE);
        return java.util.stream.IntStream.range(0, TABLE.rowCount()).filter(i -> f.matches(TABLE, i))
                .mapToObj(i -> Path.of(TABLE.stringColumn("runFolder").get(i)).getFileName().toString()).toList();
    }

    @Test
    void wordsMatchAnyCellAndConditionsCompareOneColumn() {
        assertEquals(List.of("a", "b", "c", "d", "e"), folders(""));
        assertEquals(List.of("a"), folders("baseline"), "the name given");
        assertEquals(List.of("a"), folders("PAPER"), "a tag or the note, ignoring case");
        assertEquals(List.of("d"), folders("truncated"), "the reason for damage");
        assertEquals(List.of("b"), folders("lambda=0.02"));
        assertEquals(List.of("b", "c", "d"), folders("lambda>=0.02"), "numbers compare as numbers; no config, no match");
        assertEquals(List.of("a", "b"), folders("lambda<0.05"));
        assertEquals(List.of("c", "d"), folders("batchSize=128 lambda>0.05"), "every condition must hold");
        assertEquals(List.of("a", "b", "e"), folders("batchSize!=128"), "a run without the value is not equal to it");
        assertEquals(List.of("a", "c"), folders("tags=keep"), "has the tag");
        assertEquals(List.of("a", "c"), folders("tag=KEEP"));
        assertEquals(List.of("b", "d", "e"), folders("tags!=keep"));
        assertEquals(List.of("a", "c"), folders("state=finished"));
        assertEquals(List.of("c"), folders("state=finished keep lambda=0.1"));
    }

    @Test
    void whatIsNotUnderstoodIsSaidAndNarrowsNothing() {
        RunFilter f = RunFilter.parse("lamda=1 batchSize=big state>x baseline", TABLE);
        assertEquals(List.of("'lamda' is not a column of the runs table", "batchSize is a number, 'big' is not",
                "state is text: use = or !="), f.problems());
        assertEquals(List.of("a"), folders("lamda=1 batchSize=big state>x baseline"), "the word still applies");
    }

    @Test
    void valuesOfAColumnForTheSettingMenu() {
        assertEquals(List.of("0.0051", "0.02", "0.1"), RunFilter.values(TABLE, "lambda"), "numeric order, blanks left out");
        assertEquals(List.of("128", "256"), RunFilter.values(TABLE, "batchSize"), "whole numbers without .0");
        assertEquals(List.of("damaged", "finished", "stopped"), RunFilter.values(TABLE, "state"));
        assertTrue(RunFilter.parse("", TABLE).apply(TABLE).rowCount() == 5);
    }

    @Test
    void differingSettingsListOnlyTheKeysThatDiffer() {
        List<SettingsDiff.Difference> d = SettingsDiff.of(RUNS.subList(0, 3).stream().map(RunEntry::config).toList());
        assertEquals(List.of("lambda", "batchSize"), d.stream().map(SettingsDiff.Difference::key).toList());
        assertEquals(List.of("0.0051", "0.02", "0.1"), d.get(0).values());
        assertEquals("lambda: 0.0051 | 0.02 | 0.1", d.get(0).toString());
        assertEquals(List.of(), SettingsDiff.of(List.of(RUNS.get(2).config(), RUNS.get(3).config())), "the same settings");
        List<SettingsDiff.Difference> withDamaged = SettingsDiff.of(java.util.Arrays.asList(RUNS.get(0).config(), null));
        assertTrue(withDamaged.stream().allMatch(x -> x.values().get(1).equals(SettingsDiff.UNKNOWN)),
                "a run without settings has unknown values");
        assertTrue(withDamaged.stream().noneMatch(x -> x.key().equals("name")), "the name is left out");
    }

    @Test
    void aCustomCropScaleIsListedAsTheCropScaleNotAsACustomAugmentation() {
        TrainConfig official = TrainConfig.defaults();
        TrainConfig.Builder b = official.toBuilder();
        org.twinlab.train.Settings.CROP_SCALE_MIN.set(b, 0.5);
        List<SettingsDiff.Difference> d = SettingsDiff.of(List.of(official, b.build()));
        assertEquals(List.of("augmentRecipe", "cropScaleMin"), d.stream().map(SettingsDiff.Difference::key).toList());
        assertEquals(List.of("recipe", "0.5"), d.get(1).values());
    }
}
