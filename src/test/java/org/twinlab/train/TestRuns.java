package org.twinlab.train;

import java.util.List;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import java.util.concurrent.CopyOnWriteArrayList;

/** Small, fast configurations and an event collector for the tests that train. */
public final class TestRuns {
    private TestRuns() {
    }

    /** The sample data, small CNN, a narrow projector and a small batch: a step takes a few tens of ms. */
    public static TrainConfig small(int steps) {
        TrainConfig.Builder b = TrainConfig.defaults().toBuilder();
        b.name = "test";
        b.steps = steps;
        b.batchSize = 64;
        b.projectorWidth = 128;
        b.probeEvery = 0;
        b.snapshotEvery = 5;
        b.learningRate = 2e-3;
        return b.build().validated();
    }

    /** The first images of the built-in sample: real data, small enough for many quick steps. */
    public static Dataset sampleSubset(int train, int test) {
        Dataset d = DatasetCatalog.open(DatasetCatalog.SAMPLE);
        return new Dataset("sample-" + train, d.source(), d.classNames(), d.train().subset(range(train)),
                d.test().subset(range(test)));
    }

    private static int[] range(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    /** Keeps every event, in order. */
    public static final class Collector implements TrainingListener {
        public final List<TrainingEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(TrainingEvent event) {
            events.add(event);
        }

        public <T extends TrainingEvent> List<T> of(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
