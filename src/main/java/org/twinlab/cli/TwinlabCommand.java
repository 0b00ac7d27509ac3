package org.twinlab.cli;

import java.io.PrintWriter;
import org.twinlab.data.DatasetException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: the same engine as the window, headless. */
@Command(name = "twinlab", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "Twinlab 0.1.0",
        description = "Barlow Twins self-supervised learning workbench. With no command, opens the window.",
        subcommands = {DatasetsCommand.class, PreviewCommand.class, TrainCommand.class, ProbeCommand.class,
                ExportCommand.class, EmbedCommand.class,
                BenchCommand.class, RunsCommand.class, SweepCommand.class, AblateCommand.class, CompareCommand.class,
                ScaleOutCommand.class, InspectCommand.class, MovieCommand.class})
public final class TwinlabCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line; returns the exit code. Bad input is one line on stderr, never a stack trace. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err).execute(args);
    }

    /** The command line with every command, the settings flags and the one-line error handlers. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new TwinlabCommand());
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommand() instanceof SettingFlags.Taker) {
                SettingFlags.addTo(sub.getCommandSpec());
            }
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("twinlab: " + ex.getMessage());
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof DatasetException
                    || ex instanceof java.io.UncheckedIOException) {
                err.println("twinlab: " + ex.getMessage());
                return 2;
            }
            if (ex instanceof java.io.IOException io) {
                err.println("twinlab: " + org.twinlab.util.IoErrors.line(io));
                return 2;
            }
            throw ex;
        });
        return cl;
    }
}
