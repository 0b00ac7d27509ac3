package org.twinlab.cli;

import java.util.concurrent.Callable;
import org.twinlab.data.Dataset;
import org.twinlab.data.DatasetCatalog;
import org.twinlab.data.DatasetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "datasets", description = "List the built-in datasets with their sizes, shapes and classes.")
final class DatasetsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        for (DatasetCatalog.Builtin b : DatasetCatalog.builtins()) {
            if (!b.available()) {
                out.printf("%-22s not available: %s%n", b.name(), b.location());
                continue;
            }
            try {
                long t0 = System.nanoTime();
                Dataset d = DatasetCatalog.open(b.name());
                out.printf("%-22s %d train + %d test, %s, %d classes: %s%n%-22s from %s (loaded in %.2f s)%n",
                        b.name(), d.train().size(), d.test().size(), d.shape(), d.classCount(),
                        String.join(", ", d.classNames()), "", b.location(), (System.nanoTime() - t0) / 1e9);
            } catch (DatasetException e) {
                out.printf("%-22s unreadable: %s%n", b.name(), e.getMessage());
            }
        }
        out.println("Any folder works too: --dataset PATH (IDX files, CIFAR binaries, or one sub-folder of images per class).");
        return 0;
    }
}
