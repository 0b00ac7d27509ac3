package org.twinlab.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.twinlab.runs.RunEntry;
import org.twinlab.runs.RunFilter;
import org.twinlab.runs.RunFolder;
import org.twinlab.runs.RunHistory;
import org.twinlab.runs.RunRace;
import org.twinlab.runs.RunMeta;
import org.twinlab.runs.RunRemoval;
import org.twinlab.runs.RunsTable;
import org.twinlab.runs.SettingsDiff;
import org.twinlab.runs.Trash;
import tech.tablesaw.api.Table;

/**
 * The Runs view's state: the folder read, its runs as the runs table (read off the FX thread), the filter
 * typed over them, and the commands on one run (rename, tag, note, delete, open in the panels). Each
 * command's file work runs in the background and comes back as a new list or a notice.
 */
public final class RunsViewModel {
    private final WorkbenchViewModel workbench;
    private final ObjectProperty<Path> root = new SimpleObjectProperty<>();
    private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
    private final FilteredList<RunRow> shown = new FilteredList<>(rows);
    public final StringProperty query = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper filterProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Table> table = new ReadOnlyObjectWrapper<>(RunsTable.of(List.of()));
    /** The settings whose values differ among the listed runs: the columns worth showing. */
    private final ReadOnlyObjectWrapper<Set<String>> varying = new ReadOnlyObjectWrapper<>(Set.of());
    private Trash trash = Trash.system();
    private long generation;
    private double lastLoadSeconds = Double.NaN;
    private volatile String lastLoadThread = "";

    public RunsViewModel(WorkbenchViewModel workbench) {
        this.workbench = workbench;
        root.set(workbench.session().runRoot());
        query.addListener(o -> refilter());
        root.addListener((o, was, now) -> reload());
    }

    /** Reads the folder again in the background; a newer reload wins over an older one still going. */
    public void reload() {
        long mine = ++generation;
        Path dir = root.get();
        loading.set(true);
        status.set("reading " + dir + "\u2026");
        long t0 = System.nanoTime();
        workbench.tasks().submit("runs", () -> {
            lastLoadThread = Thread.currentThread().getName();
            List<RunEntry> list = RunHistory.list(dir);
            // a damaged run without settings says nothing about which settings vary
            return new Loaded(list, RunsTable.of(list), SettingsDiff.of(list.stream().map(RunEntry::config)
                    .filter(java.util.Objects::nonNull).toList()), list.stream().map(e -> RunRace.link(e.dir())).toList());
        }, l -> {
            if (mine != generation) {
                return;
            }
            lastLoadSeconds = (System.nanoTime() - t0) / 1e9;
            show(l);
            loading.set(false);
        }, m -> {
            if (mine == generation) {
                loading.set(false);
                status.set("could not read " + dir + ": " + m);
            }
        });
    }

    /** The folder's runs read in the background, with the race each was trained in (null: none). */
    private record Loaded(List<RunEntry> entries, Table table, List<SettingsDiff.Difference> differences,
                          List<RunRace.Link> races) {
    }

    private void show(Loaded l) {
        List<RunRow> next = new ArrayList<>();
        java.util.Map<Path, String> names = new java.util.HashMap<>();
        for (RunEntry e : l.entries()) {
            names.put(e.dir().toAbsolutePath().normalize(), e.name());
        }
        for (int i = 0; i < l.entries().size(); i++) {
            RunRace.Link race = l.races().get(i);
            next.add(new RunRow(l.entries().get(i), l.table(), i, race, raceText(l.entries().get(i), race, names)));
        }
        varying.set(Set.copyOf(l.differences().stream().map(SettingsDiff.Difference::key).toList()));
        table.set(l.table());
        // the filter first, then the rows: the view's selection is restored once, against the final list
        setPredicate();
        rows.setAll(next);
        count();
    }

    /** "vs NAME (lambda)": the partner by its name in the list (its folder's when it is gone from the list). */
    private static String raceText(RunEntry e, RunRace.Link race, java.util.Map<Path, String> names) {
        if (race == null) {
            return "";
        }
        Path me = e.dir().toAbsolutePath().normalize();
        for (Path p : race.runs()) {
            Path q = p.toAbsolutePath().normalize();
            if (!q.equals(me)) {
                String name = names.getOrDefault(q, q.getFileName() + " (not in this folder)");
                return "vs " + name + " (" + String.join(", ", race.differing()) + ")";
            }
        }
        return "";
    }

    private void refilter() {
        setPredicate();
        count();
    }

    private void setPredicate() {
        RunFilter f = RunFilter.parse(query.get(), table.get());
        filterProblem.set(String.join("; ", f.problems()));
        shown.setPredicate(r -> f.matches(r.table(), r.row()));
    }

    private void count() {
        long damaged = rows.stream().filter(r -> r.entry().damaged()).count();
        status.set(String.format(Locale.ROOT, "%d of %d runs%s", shown.size(), rows.size(),
                damaged > 0 ? ", " + damaged + " damaged" : ""));
    }

    /** Writes the name, tags (separated by spaces or commas) and note of a run to its meta.json, then re-reads the list. */
    public void saveMeta(RunEntry e, String name, String tags, String note, Consumer<String> problem) {
        RunMeta meta = new RunMeta(name, List.of(tags.split("[,\\s]+")), note);
        workbench.tasks().submit("meta", () -> {
            RunFolder.open(e.dir()).writeMeta(meta);
            return meta;
        }, m -> {
            PastRun shown = workbench.pastRunProperty().get();
            if (shown != null && shown.entry().dir().equals(e.dir())) { // the banner over the panels follows a rename
                RunEntry r = shown.entry();
                workbench.showPast(new PastRun(new RunEntry(r.dir(), r.config(), m, r.summary(), r.state(), r.problem(),
                        r.created(), r.hasCheckpoint(), r.sweep()), shown.live()));
            }
            reload();
        }, m -> problem.accept("Could not save the run's name, tags and note: " + m));
    }

    /**
     * Moves runs to the trash, then re-reads the list. {@code noTrash} receives the runs no trash could take
     * (nothing was done to them: the view asks before {@link #deleteForever}).
     */
    public void toTrash(List<RunEntry> runs, Consumer<List<RunEntry>> noTrash, Consumer<String> problem) {
        Trash t = trash;
        workbench.tasks().submit("trash", () -> {
            List<RunEntry> left = new ArrayList<>();
            for (RunEntry e : runs) {
                if (RunRemoval.toTrash(e.dir(), t) == null) {
                    left.add(e);
                }
            }
            return left;
        }, left -> {
            reload();
            if (!left.isEmpty()) {
                noTrash.accept(left);
            }
        }, m -> {
            reload();
            problem.accept("Not deleted: " + m);
        });
    }

    /** Deletes runs for good (the person confirmed it: there is no trash here). */
    public void deleteForever(List<RunEntry> runs, Consumer<String> problem) {
        workbench.tasks().submit("delete", () -> {
            for (RunEntry e : runs) {
                RunRemoval.deleteForever(e.dir());
            }
            return runs.size();
        }, n -> reload(), m -> {
            reload();
            problem.accept("Not deleted: " + m);
        });
    }

    /** Reads a run back and replays it into the panels as a past run; {@code shown} runs once they show it. */
    public void open(RunEntry e, Runnable shown, Consumer<String> problem) {
        workbench.tasks().submit("open-run", () -> {
            LiveRun live = new LiveRun();
            RunReplay.into(live, RunHistory.load(e.dir()), true);
            return new PastRun(RunHistory.read(e.dir()), live);
        }, p -> {
            workbench.showPast(p);
            shown.run();
        }, m -> problem.accept("Could not open the run: " + m));
    }

    /** Whether a run or a sweep trains now: Continue waits (one training at a time). */
    public javafx.beans.binding.BooleanBinding trainingProperty() {
        return workbench.busyProperty();
    }

    /** "Continue": the stopped run goes on in the live panels from its checkpoint. */
    public void resume(RunEntry e) {
        workbench.resume(e.dir());
    }

    /** "Use these settings": the run's config into the form. */
    public void useSettings(RunEntry e) {
        if (e.config() != null) {
            workbench.useSettings(e.config());
        }
    }

    public ObjectProperty<Path> rootProperty() {
        return root;
    }

    /** The runs that pass the filter, in the view's order. */
    public ObservableList<RunRow> shownRuns() {
        return shown;
    }

    public ObservableList<RunRow> allRuns() {
        return rows;
    }

    public ReadOnlyObjectProperty<Table> tableProperty() {
        return table.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Set<String>> varyingProperty() {
        return varying.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty filterProblemProperty() {
        return filterProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** How long the last load of the list took, from the request to the table built (seconds). */
    public double lastLoadSeconds() {
        return lastLoadSeconds;
    }

    /** The thread the last load read the folder on (tests check it is not the FX thread). */
    String lastLoadThread() {
        return lastLoadThread;
    }

    /** Where deleted runs go (tests give a trash of their own). */
    void setTrash(Trash trash) {
        this.trash = trash;
    }
}
