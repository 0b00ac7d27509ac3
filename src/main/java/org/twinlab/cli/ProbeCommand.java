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
import org.twinlab.export.EncoderProbe;
import org.twinlab.model.TwinNetwork;
import org.twinlab.runs.CheckpointStore;
import org.twinlab.runs.Json;
import org.twinlab.runs.RunFolder;
import org.twinlab.train.Devices;
import org.twinlab.train.TrainConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "probe", description = "Linear probe and kNN of a run's last checkpoint, or of an exported encoder or a "
        + "TorchScript file on any dataset of its input shape, beside the raw-pixel baseline.")
final class ProbeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;
    @Option(names = "--dataset", paramLabel = "D", description = "with --encoder: the dataset to probe on (built-in name or folder)")
    String dataset;
    @Option(names = "--json", description = "one JSON line")
    boolean json;
    @picocli.CommandLine.Mixin
    TorchScriptFlags torchScript;

    static final class Source {
        @Option(names = "--run", paramLabel = "RUN_DIR", required = true, description = "the run folder")
        Path run;
        @Option(names = "--encoder", paramLabel = "DIR|FILE.pt", required = true, description = "an export folder "
                + "(checked against its manifest.json) or a TorchScript file (N x C x H x W floats to N x F features)")
        Path encoder;
    }

    /** What the probe prints with --json. */
    record Report(ProbeResult trained, ProbeResult pixels, String runFolder) {
    }

    /** What the probe of an exported encoder prints with --json. */
    record EncoderReport(ProbeResult trained, ProbeResult pixels, String encoder, String dataset) {
    }

    @Override
    public Integer call() throws IOException {
        if (source.encoder != null) {
            return probeEncoder();
        }
        if (dataset != null || torchScript.given()) {
            throw new IllegalArgumentException((dataset != null ? "--dataset goes"
                    : "--input-size, --input-channels, --mean and --std go") + " with --encoder; --run probes on the run's "
                    + "own dataset");
        }
        RunFolder folder = RunFolder.open(source.run);
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
            print(trained, pixels, new Report(trained, pixels, folder.dir().toString()));
        }
        return 0;
    }

    private int probeEncoder() {
        if (dataset == null) {
            throw new IllegalArgumentException("--encoder needs --dataset: the dataset to probe on");
        }
        EncoderProbe p = EncoderProbe.run(source.encoder, DatasetCatalog.open(dataset), torchScript.input());
        print(p.trained(), p.pixels(), new EncoderReport(p.trained(), p.pixels(), source.encoder.toString(), p.dataset()));
        return 0;
    }

    private void print(ProbeResult trained, ProbeResult pixels, Object report) {
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.toLine(report));
            return;
        }
        for (ProbeResult r : new ProbeResult[] {trained, pixels}) {
            out.printf(Locale.ROOT, "%-8s linear top-1 %.2f%%  top-5 %.2f%%  kNN top-1 %.2f%%%n", r.encoder(),
                    100 * r.linearTop1(), 100 * r.linearTop5(), 100 * r.knnTop1());
        }
    }
}
