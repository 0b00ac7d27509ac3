package org.twinlab.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.twinlab.train.Setting;
import org.twinlab.train.SettingType;
import org.twinlab.train.Settings;
import org.twinlab.train.TrainConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The settings table as command-line flags: one option per setting that has a flag, its help and its
 * default from the table, so {@code train}, {@code sweep} and {@code ablate} take the same flags with
 * the same spelling and the same messages. Values are parsed by the table, not by picocli.
 */
final class SettingFlags {
    /** Commands that take every setting as a flag. */
    interface Taker {
    }

    private SettingFlags() {
    }

    static void addTo(CommandSpec spec) {
        TrainConfig d = TrainConfig.defaults();
        for (Setting<?> s : Settings.all()) {
            if (s.flag() == null) {
                continue;
            }
            String def = s.inFile() ? s.formatOf(d) : null;
            String help = s.help() + (def == null || def.isEmpty() ? "" : " (default " + def + ")");
            OptionSpec.Builder o = OptionSpec.builder(s.flag()).description(help);
            if (s.type().kind() == SettingType.Kind.BOOLEAN) {
                o.type(Boolean.class).arity("0").negatable(true);
            } else {
                o.type(String.class).paramLabel(paramLabel(s));
            }
            spec.addOption(o.build());
        }
    }

    private static String paramLabel(Setting<?> s) {
        return switch (s.type().kind()) {
            case INTEGER -> "N";
            case NUMBER -> "X";
            case CHOICE -> s.type().choices().size() > 4 ? s.key().toUpperCase(java.util.Locale.ROOT)
                    : s.type().choices().stream().map(c -> c.key()).reduce((a, b) -> a + "|" + b).orElse("X");
            default -> "TEXT";
        };
    }

    /** The settings given on this command line, as typed (booleans as "true"/"false"), in table order. */
    static Map<Setting<?>, String> typed(CommandSpec spec) {
        ParseResult pr = spec.commandLine().getParseResult();
        Map<Setting<?>, String> out = new LinkedHashMap<>();
        for (Setting<?> s : Settings.all()) {
            if (s.flag() != null && pr.hasMatchedOption(s.flag())) {
                Object v = pr.matchedOption(s.flag()).getValue();
                out.put(s, String.valueOf(v));
            }
        }
        return out;
    }
}
