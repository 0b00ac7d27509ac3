package org.twinlab.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinlab.train.TrainConfig;
import org.twinlab.train.TrainingEvent;

/** The runs' CSV files quote what needs quoting: a class named with a comma or a quote reads back as it was. */
class CsvFileTest {
    static final List<String> CLASSES = List.of("T-shirt, top", "say \"hi\"", "plain");

    @Test
    void cellsWithCommasAndQuotesRoundTrip() {
        String line = CsvFile.line(1.5, 2, CLASSES.get(0), CLASSES.get(1), "");
        assertEquals("1.5,2,\"T-shirt, top\",\"say \"\"hi\"\"\",", line);
        assertArrayEquals(new String[] {"1.5", "2", "T-shirt, top", "say \"hi\"", ""}, CsvFile.cells(line));
        assertNull(CsvFile.cells("1,2,\"torn"), "a quote left open is no CSV row");
    }

    @Test
    void aTornQuotedLastRowIsTruncationAndTheWholeRowsRead(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("embedding.csv");
        Files.writeString(f, "x,y,label,class\n0.1,0.2,0,\"T-shirt, top\"\n0.3,0.4,1,\"say");
        CsvFile c = CsvFile.read(f);
        assertEquals(1, c.size());
        assertEquals("T-shirt, top", c.text(0, "class"));
        assertEquals("embedding.csv: truncated (its last row is incomplete)", c.problem());
    }

    @Test
    void aRunsEmbeddingKeepsItsClassNames(@TempDir Path dir) {
        RunFolder folder = RunFolder.createAt(dir.resolve("run"), TrainConfig.defaults());
        new RunRecorder(folder).onEvent(new TrainingEvent.Embedding(5, new float[] {0.1f, 0.2f, 0.3f},
                new float[] {1, 2, 3}, new int[] {0, 1, 2}, CLASSES));
        TrainingEvent.Embedding back = RunHistory.load(folder.dir()).embedding();
        assertEquals(CLASSES, back.classNames());
        assertArrayEquals(new int[] {0, 1, 2}, back.labels());
    }
}
