package org.twinlab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.twinlab.train.RunState;

/** A run's state is typed in the code and written as the word it always was, so old run folders still read. */
class RunStateTest {
    @Test
    void summaryJsonKeepsTheOldWords() {
        for (RunState s : RunState.values()) {
            JsonObject o = Json.GSON.fromJson(Json.toJson(java.util.Map.of("state", s)), JsonObject.class);
            assertEquals(s.word(), o.get("state").getAsString());
            assertEquals(s, RunState.of(s.word()));
        }
        // a summary.json written before the enum, as every earlier version wrote it
        RunSummary old = Json.GSON.fromJson("{\"state\": \"failed\", \"message\": \"diverged at step 12\", \"steps\": 12}",
                RunSummary.class);
        assertEquals(RunState.FAILED, old.state());
        assertTrue(old.state().hasResult());
        assertNull(Json.GSON.fromJson("{\"state\": \"exploded\"}", RunSummary.class).state(), "an unknown word is no state");
        assertEquals("finished", RunState.FINISHED.toString(), "tables and messages print the word");
    }
}
