package org.twinlab.cli;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.eval.ProbeResult;
import org.twinlab.eval.ProbeSuite;
import org.twinlab.model.TwinNetwork;
import org.twinlab.runs.CheckpointStore;
import org.twinlab.runs.Json;
import org.twinlab.runs.RunFolder;
import org.twinlab.train.Devices;
import org.twinlab.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "probe", description = "Linear probe and kNN of a run's last checkpoint, beside the raw-pixel baseline.")
final class ProbeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--run", required = true, description = "the run folder")
    Path run;
    @Option(names = "--json", description = "one JSON line")
    boolean json;

    /** What the probe prints with --json. */
    record Report(ProbeResult trained, ProbeResult pixels, String runFolder) {
    }

    @Override
    public Integer call() throws IOException {
        RunFolder folder = RunFolder.open(run);
        TrainConfig cfg = folder.config();
        CheckpointStore.Record checkpoint = folder.requireCheckpoint("probe");
        int step = checkpoint.step();
        Dataset data = DatasetCatalog.open(cfg.dataset());
        try (NDManager root = NDManager.newBaseManager(Devices.select(cfg.device()));
             TwinNetwork net = new TwinNetwork(root, cfg.model(), data.shape())) {
            checkpoint.loadNetwork(net);
            double epoch = (double) step / (data.train().size() / cfg.batchSize());
            ProbeResult trained = ProbeSuite.encoder(ProbeResult.TRAINED, net, data, root, step, epoch, cfg.seed()).result();
            ProbeResult pixels = ProbeSuite.pixels(data, root, cfg.seed());
            var out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.toLine(new Report(trained, pixels, folder.dir().toString())));
            } else {
                for (ProbeResult r : new ProbeResult[] {trained, pixels}) {
                    out.printf(Locale.ROOT, "%-8s linear top-1 %.2f%%  top-5 %.2f%%  kNN top-1 %.2f%%%n", r.encoder(),
                            100 * r.linearTop1(), 100 * r.linearTop5(), 100 * r.knnTop1());
                }
            }
        }
        return 0;
    }
}
