package org.twinlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinlab.augment.AugmentConfig;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.model.ObjectiveKind;
import org.twinlab.train.TestRuns;
import org.twinlab.train.TrainConfig;
import tech.tablesaw.api.Table;

/** The one-click comparisons as sweeps: their rows, the adaptation IMAX needs, colour data, and the table's layout. */
class StudyTest {
    private static final Dataset SAMPLE = DatasetCatalog.open(DatasetCatalog.SAMPLE);

    @Test
    void theAblationIsTheLecturesSevenRowsInItsOrder() {
        SweepSpec s = Study.ABLATION.spec(TestRuns.small(4), SAMPLE, 0);
        List<SweepRun> runs = s.runs();
        assertEquals(7, runs.size());
        assertEquals(Arrays.asList(ObjectiveKind.ablationRows()), runs.stream().map(r -> r.config().objective()).toList());
        assertEquals("ablation", s.study());
        assertEquals(14, Study.ABLATION.spec(TestRuns.small(4), SAMPLE, 2).runs().size(), "seeds repeat every row");
        Table empty = Study.ABLATION.table(SweepResults.of(s, runs, java.util.Map.of()));
        assertEquals(7, empty.rowCount());
        assertEquals(57.3, empty.doubleColumn("lectureTop1Pct").getDouble(1), 0);
        assertEquals("only the redundancy term", empty.stringColumn("row").get(2));
        assertTrue(Double.isNaN(empty.doubleColumn("linearTop1Pct").getDouble(0)), "not measured yet");
        assertEquals(0, empty.intColumn("runs").getInt(0));
    }

    /** At a tiny budget every row sits below the untrained encoder: the table says it cannot tell them apart. */
    @Test
    void aBudgetThatLeavesEveryRowBelowTheRandomEncoderIsSaidToTellNothing() {
        SweepSpec s = Study.ABLATION.spec(TestRuns.small(4), SAMPLE, 0);
        Table t = Study.ABLATION.table(SweepResults.of(s, s.runs(), java.util.Map.of()));
        double[] tiny = {71.3, 71.2, 70.9, 71.0, 70.8, 71.1, 70.7};
        for (int i = 0; i < tiny.length; i++) {
            t.doubleColumn("linearTop1Pct").set(i, tiny[i]);
        }
        String w = Study.budgetWarning(t, 71.4);
        assertTrue(w != null && w.contains("70.7-71.3%") && w.contains("71.4%") && w.contains("cannot tell the rows apart"), w);
        assertTrue(!w.contains("--"), "the core words it without a command-line flag: " + w);
        assertNull(Study.budgetWarning(t, 71.2), "a row above the random encoder: the budget taught something");
        assertNull(Study.budgetWarning(t, Double.NaN), "no random encoder probed: nothing to say");
        Table one = Study.ABLATION.table(SweepResults.of(s, s.runs(), java.util.Map.of()));
        one.doubleColumn("linearTop1Pct").set(0, 60.0);
        assertNull(Study.budgetWarning(one, 71.4), "one measured row is no comparison");
    }

    @Test
    void theObjectivesGetAWidthIMAXCanUseAndSaySo() {
        TrainConfig.Builder b = TestRuns.small(4).toBuilder();
        b.batchSize = 64;
        b.projectorWidth = 128;
        TrainConfig c = b.build();
        SweepSpec s = Study.OBJECTIVES.spec(c, SAMPLE, 0);
        assertEquals(Arrays.asList(ObjectiveKind.rivals()), s.runs().stream().map(r -> r.config().objective()).toList());
        assertTrue(s.runs().stream().allMatch(r -> r.config().projectorWidth() == 32), "one width for every row");
        assertEquals("projector width 32 for every row (not 128): IMAX needs fewer features than the batch has images (64)",
                Study.OBJECTIVES.adaptation(c));
        b.projectorWidth = 32;
        assertNull(Study.OBJECTIVES.adaptation(b.build()), "nothing to adapt");
        assertNull(Study.ABLATION.adaptation(c), "the ablation keeps the configured width");
    }

    @Test
    void colourComparesTheRecipesOnColourDataOnly() {
        TrainConfig.Builder b = TestRuns.small(4).toBuilder();
        b.dataset = DatasetCatalog.SHAPES;
        Dataset shapes = DatasetCatalog.open(DatasetCatalog.SHAPES);
        List<SweepRun> runs = Study.COLOUR.spec(b.build(), shapes, 0).runs();
        assertEquals(2, runs.size());
        assertNull(runs.get(0).config().augment(), "the official recipe");
        assertEquals(AugmentConfig.cropFlip(shapes.shape()), runs.get(1).config().augment());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Study.COLOUR.spec(TestRuns.small(4), SAMPLE, 0));
        assertTrue(e.getMessage().contains("is grayscale"), e.getMessage());
        assertEquals(Study.COLOUR, Study.parse("colour"));
    }
}
