package org.twinlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.twinlab.export.ScaleOutBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "scale-out", description = "A folder to train a run's settings at scale with the official main.py "
        + "(facebookresearch/barlowtwins, CUDA GPUs): the run's dataset as data/train and data/val, launch.sh (one node), "
        + "slurm.sh (several nodes), trace_encoder.py and a README of what changed and why.")
final class ScaleOutCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--run", paramLabel = "RUN_DIR", required = true, description = "the run folder (only read)")
    Path run;
    @Option(names = "--out", paramLabel = "DIR", required = true, description = "a new or empty folder")
    Path out;
    @Option(names = "--epochs", paramLabel = "N", description = "main.py's --epochs (more than its 10 warm-up epochs; "
            + "default: the run's, raised past the warm-up when it is 10 or fewer)")
    Integer epochs;
    @Option(names = "--image-size", paramLabel = "PX", defaultValue = "224", description = "the crop main.py trains at "
            + "(default ${DEFAULT-VALUE}, main.py's own; another size makes launch.sh use a copy of main.py with that crop)")
    int imageSize;

    @Override
    public Integer call() throws IOException {
        ScaleOutBundle.Result r = ScaleOutBundle.write(run, out, new ScaleOutBundle.Options(epochs, imageSize));
        var o = spec.commandLine().getOut();
        o.println("wrote " + r.dir() + ": " + java.util.Arrays.stream(r.trainPerClass()).sum() + " train and "
                + java.util.Arrays.stream(r.valPerClass()).sum() + " val images of " + r.dataset() + " in "
                + r.classFolders().size() + " class folders, launch.sh, slurm.sh, trace_encoder.py, README.md");
        o.println("main.py " + String.join(" ", r.plan().flags()));
        for (String n : r.plan().notes()) {
            o.println("- " + n);
        }
        return 0;
    }
}
