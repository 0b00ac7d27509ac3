package org.twinlab.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.twinlab.data.Dataset;

/** The text files of a {@link ScaleOutBundle}: launch.sh, slurm.sh, trace_encoder.py and README.md. */
final class ScaleOutScripts {
    static final String LAUNCH = "launch.sh";
    static final String SLURM = "slurm.sh";
    static final String TRACE = "trace_encoder.py";
    static final String README = "README.md";

    private ScaleOutScripts() {
    }

    static void write(Path dir, ScaleOutBundle.Plan plan, Dataset data, List<String> classes, int[] train, int[] val)
            throws IOException {
        ScaleOutBundle.writeExecutable(dir.resolve(LAUNCH), launch(plan));
        ScaleOutBundle.writeExecutable(dir.resolve(SLURM), slurm(plan));
        Files.writeString(dir.resolve(TRACE), traceScript());
        Files.writeString(dir.resolve(README), readme(plan, data, classes, train, val));
    }

    /** The five-line script that traces main.py's resnet50.pth (or an export's encoder.py) into a TorchScript file. */
    static String traceScript() {
        try (InputStream in = ScaleOutScripts.class.getResourceAsStream(TRACE)) {
            if (in == null) {
                throw new IllegalStateException("trace_encoder.py is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String flags(ScaleOutBundle.Plan plan) {
        return String.join(" ", plan.flags());
    }

    /** The lines both scripts share: find main.py, make the resized copy when asked, check the batch against the GPUs. */
    private static String prelude(ScaleOutBundle.Plan plan, String gpusExpr) {
        StringBuilder s = new StringBuilder();
        s.append("set -euo pipefail\n")
                .append("HERE=\"$(cd \"$(dirname \"${BASH_SOURCE[0]}\")\" && pwd)\"\n")
                .append("# the official code: git clone https://github.com/facebookresearch/barlowtwins \"$HERE/barlowtwins\"\n")
                .append("# (checked against commit ").append(ScaleOutBundle.MAIN_COMMIT).append("), or set BARLOWTWINS\n")
                .append("MAIN=\"${BARLOWTWINS:-$HERE/barlowtwins}/main.py\"\n")
                .append("if [ ! -f \"$MAIN\" ]; then\n")
                .append("  echo \"$0: $MAIN not found: git clone https://github.com/facebookresearch/barlowtwins \\\"$HERE/barlowtwins\\\" (or set BARLOWTWINS)\" >&2; exit 2\n")
                .append("fi\n");
        if (plan.imageSize() != ScaleOutBundle.MAIN_CROP) {
            s.append("# main.py crops 224 px; this bundle asks for ").append(plan.imageSize())
                    .append(" px: a copy of main.py with that crop (the only change)\n")
                    .append("sed 's/RandomResizedCrop(224,/RandomResizedCrop(").append(plan.imageSize())
                    .append(",/g' \"$MAIN\" > \"$HERE/main_").append(plan.imageSize()).append("px.py\"\n")
                    .append("MAIN=\"$HERE/main_").append(plan.imageSize()).append("px.py\"\n");
        }
        s.append("GPUS=").append(gpusExpr).append('\n')
                .append("BATCH=").append(plan.batchSize()).append('\n')
                .append("if [ \"$GPUS\" -lt 1 ]; then echo \"$0: main.py needs CUDA GPUs and PyTorch sees none\" >&2; exit 2; fi\n")
                .append("if [ $((BATCH % GPUS)) -ne 0 ]; then\n")
                .append("  echo \"$0: --batch-size $BATCH does not divide by the $GPUS GPUs (main.py asserts it): "
                        + "make a bundle from a run whose batch divides by $GPUS\" >&2; exit 2\n")
                .append("fi\n");
        return s.toString();
    }

    static String launch(ScaleOutBundle.Plan plan) {
        return "#!/usr/bin/env bash\n"
                + "# Run '" + plan.runName() + "' with the official Barlow Twins main.py on this node's GPUs (one process per GPU).\n"
                + "# Checkpoints go to ./checkpoint beside this script: main.py would otherwise resume silently from\n"
                + "# ./checkpoint/checkpoint.pth of whatever folder it is started in.\n"
                + prelude(plan, "\"$(python -c 'import torch; print(torch.cuda.device_count())')\"")
                + "exec python \"$MAIN\" \"$HERE/data\" " + flags(plan) + " --checkpoint-dir \"$HERE/checkpoint\" \"$@\"\n";
    }

    static String slurm(ScaleOutBundle.Plan plan) {
        return "#!/usr/bin/env bash\n"
                + "# Several nodes: main.py's own SLURM branch (when SLURM_JOB_ID is set it takes the first host of the job as\n"
                + "# the rendezvous, rank = SLURM_NODEID x GPUs per node, and requeues the job on SIGUSR1). One task per node;\n"
                + "# each spawns one process per GPU. Edit the node count and time, then: sbatch slurm.sh\n"
                + "#SBATCH --job-name=barlowtwins\n"
                + "#SBATCH --nodes=2\n"
                + "#SBATCH --ntasks-per-node=1\n"
                + "#SBATCH --gpus-per-node=8\n"
                + "#SBATCH --cpus-per-task=32\n"
                + "#SBATCH --time=72:00:00\n"
                + "#SBATCH --signal=USR1@120\n"
                + "#SBATCH --requeue\n"
                + "#SBATCH --output=slurm-%j.out\n"
                + prelude(plan, "$(( ${SLURM_NNODES:-1} * ${SLURM_GPUS_PER_NODE:-8} ))")
                + "srun python \"$MAIN\" \"$HERE/data\" " + flags(plan) + " --checkpoint-dir \"$HERE/checkpoint\" \"$@\"\n";
    }

    static String readme(ScaleOutBundle.Plan plan, Dataset data, List<String> classes, int[] train, int[] val) {
        StringBuilder md = new StringBuilder();
        md.append("# Run '").append(plan.runName()).append("' at scale with the official code\n\n")
                .append("Written by Twinlab ").append(Manifest.TWINLAB_VERSION).append(" (`twinlab scale-out`). The official ")
                .append("Barlow Twins implementation ([facebookresearch/barlowtwins](https://github.com/facebookresearch/barlowtwins) ")
                .append("`main.py`, PyTorch DistributedDataParallel, CUDA GPUs only) trains on this folder's `data/` with the ")
                .append("run's settings.\n\n")
                .append("```bash\ngit clone https://github.com/facebookresearch/barlowtwins barlowtwins   # beside this README\n")
                .append("./launch.sh          # one node, all its GPUs\nsbatch slurm.sh      # several nodes (SLURM)\n```\n\n")
                .append("main.py's command line, as launch.sh gives it:\n\n```bash\npython main.py data ")
                .append(flags(plan)).append(" --checkpoint-dir checkpoint\n```\n\n");
        md.append("## What was changed from the run, and why\n\n");
        for (String n : plan.notes()) {
            md.append("- ").append(n).append('\n');
        }
        md.append("- Checkpoints: `--checkpoint-dir checkpoint` beside the scripts. main.py resumes from "
                + "`checkpoint/checkpoint.pth` whenever it exists, so start again in a new bundle, not this one, for a new run.\n");
        md.append("\n## Several nodes\n\n")
                .append("The official README has no multi-node script; main.py has a SLURM branch (it reads `SLURM_JOB_ID`, ")
                .append("`SLURM_JOB_NODELIST`, `SLURM_NODEID` and `SLURM_NNODES`), and the README points to "
                        + "[issue #13](https://github.com/facebookresearch/barlowtwins/issues/13#issuecomment-813126587) for "
                        + "several nodes without SLURM. `slurm.sh` is that branch written out: one task per node, ")
                .append("`#SBATCH` lines to edit (2 nodes x 8 GPUs as written: the batch must divide by 16).\n");
        md.append("\n## The data\n\n`data/train/<class>/<n>.png` (").append(sum(train)).append(" images) and `data/val/` (")
                .append(sum(val)).append(") are the run's dataset `").append(data.name()).append("` (")
                .append(data.shape()).append(", its train and test splits) as main.py's `ImageFolder` reads them; the class ")
                .append("folders are numbered so that their sorted order is Twinlab's label order. Twinlab opens `data/` as an ")
                .append("image folder too (`twinlab probe --encoder model.pt --dataset data`).\n\n")
                .append("| class folder | train | val |\n|---|---|---|\n");
        for (int i = 0; i < classes.size(); i++) {
            md.append("| ").append(classes.get(i)).append(" | ").append(train[i]).append(" | ").append(val[i]).append(" |\n");
        }
        md.append("\n## Back into Twinlab\n\nmain.py saves the trained backbone as `checkpoint/resnet50.pth`. "
                + "`trace_encoder.py` turns it into a TorchScript file with a `model.json` beside it (size, channels, "
                + "ImageNet mean and std), which Twinlab opens wherever it opens an export:\n\n```bash\n"
                + "python3 trace_encoder.py checkpoint/resnet50.pth model.pt " + plan.imageSize() + "\n"
                + "twinlab probe --encoder model.pt --dataset data\ntwinlab inspect --encoder model.pt --dataset data --out c.png\n```\n\n"
                + "```python\n" + traceScript() + "```\n");
        return md.toString();
    }

    private static int sum(int[] a) {
        int s = 0;
        for (int v : a) {
            s += v;
        }
        return s;
    }
}
