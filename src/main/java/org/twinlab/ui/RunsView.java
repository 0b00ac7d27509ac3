package org.twinlab.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.twinlab.runs.RunEntry;
import org.twinlab.runs.RunFilter;
import org.twinlab.train.RunState;
import org.twinlab.train.Settings;
import tech.tablesaw.api.Table;

/**
 * The Runs view: the runs table of a folder (sortable by any column, filtered by words or by setting
 * values), the selected run's details with its name, tags and note, and the commands on the selection:
 * open it in the panels, continue it, use its settings, compare, export, delete (to the trash, after
 * asking; a running run cannot be deleted).
 */
final class RunsView extends BorderPane {
    private final RunsViewModel model;
    private final Navigator nav;
    final TableView<RunRow> table = new TableView<>();
    final TextField filter = new TextField();
    final Label folder = new Label();
    final Label status = new Label();
    final Label filterProblem = new Label();
    final MenuButton bySetting = new MenuButton("By setting");
    final Button open = new Button("Open in panels");
    final Button resume = new Button("Continue");
    final Button useSettings = new Button("Use these settings");
    final Button compare = new Button("Compare");
    final Button export = new Button("Export\u2026");
    final Button delete = new Button("Delete\u2026");
    final RunDetailsPane details;
    private List<java.nio.file.Path> remembered = List.of();
    private boolean replacing;

    RunsView(RunsViewModel model, Navigator nav) {
        this.model = model;
        this.nav = nav;
        details = new RunDetailsPane((run, name, tags, note) -> model.saveMeta(run, name, tags, note, nav::notify));
        table.getColumns().addAll(RunColumns.all());
        table.setItems(model.shownRuns());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setTableMenuButtonVisible(true);
        table.getStyleClass().addAll(atlantafx.base.theme.Styles.DENSE, atlantafx.base.theme.Styles.STRIPED);
        table.setPlaceholder(new Label("No runs in this folder yet: start one on the Workbench tab."));
        table.setRowFactory(t -> {
            TableRow<RunRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    openSelected();
                }
            });
            return row;
        });
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRow>) c -> {
            details.show(selected());
            if (!replacing) {
                remembered = selected().stream().map(RunEntry::dir).toList();
            }
        });
        model.allRuns().addListener((ListChangeListener<RunRow>) c -> {
            RunColumns.fit(table);
            // a reload replaces every row, which clears the selection: select the same folders again
            replacing = true;
            reselect(remembered);
            replacing = false;
        });
        model.varyingProperty().addListener((o, a, b) -> RunColumns.showVarying(table.getColumns(), b));
        model.tableProperty().addListener((o, a, t) -> fillSettingMenu(t));
        setTop(new VBox(4, topBar(), actions()));
        setCenter(table);
        setRight(details);
        BorderPane.setMargin(details, new Insets(0, 0, 0, 8));
        setPadding(new Insets(8));
    }

    private HBox topBar() {
        folder.textProperty().bind(Bindings.createStringBinding(() -> String.valueOf(model.rootProperty().get()),
                model.rootProperty()));
        folder.setMinWidth(80);
        HBox.setHgrow(folder, Priority.SOMETIMES);
        Button change = new Button("Change\u2026");
        change.setTooltip(new Tooltip("Read the runs of another folder (a sweep's folder, a colleague's runs)"));
        change.setOnAction(e -> {
            DirectoryChooser ch = new DirectoryChooser();
            ch.setTitle("A folder of run folders");
            File f = ch.showDialog(getScene().getWindow());
            if (f != null) {
                model.rootProperty().set(f.toPath());
            }
        });
        Button reload = new Button("Reload");
        reload.setOnAction(e -> model.reload());
        filter.setPromptText("filter: words, or lambda>=0.01 batchSize=256 tags=baseline");
        filter.textProperty().bindBidirectional(model.query);
        filter.setPrefColumnCount(28);
        HBox.setHgrow(filter, Priority.ALWAYS);
        bySetting.setTooltip(new Tooltip("Add a setting's value to the filter"));
        filterProblem.textProperty().bind(model.filterProblemProperty());
        filterProblem.getStyleClass().add("blocked");
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("caption");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.loadingProperty());
        Label runsIn = new Label("Runs in");
        runsIn.getStyleClass().add("section-title");
        HBox bar = new HBox(8, runsIn, folder, change, reload, filter, bySetting, filterProblem, busy);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private HBox actions() {
        BooleanBinding none = Bindings.isEmpty(table.getSelectionModel().getSelectedItems());
        BooleanBinding notOne = Bindings.size(table.getSelectionModel().getSelectedItems()).isNotEqualTo(1);
        open.disableProperty().bind(notOne);
        open.setOnAction(e -> openSelected());
        resume.disableProperty().bind(Bindings.createBooleanBinding(() -> selected().size() != 1
                || !selected().get(0).resumable() || model.trainingProperty().get(),
                table.getSelectionModel().getSelectedItems(), model.trainingProperty()));
        resume.setTooltip(new Tooltip("Continue a stopped run from its checkpoint, in the live panels"));
        resume.setOnAction(e -> {
            model.resume(selected().get(0));
            nav.showWorkbench();
        });
        useSettings.disableProperty().bind(Bindings.createBooleanBinding(() -> selected().size() != 1
                || selected().get(0).config() == null, table.getSelectionModel().getSelectedItems()));
        useSettings.setTooltip(new Tooltip("Put this run's settings into the form"));
        useSettings.setOnAction(e -> {
            model.useSettings(selected().get(0));
            nav.showWorkbench();
        });
        // one raced run selected: Compare opens it with its race partner
        compare.disableProperty().bind(Bindings.createBooleanBinding(() -> selected().size() < 2
                && racePartners().isEmpty(), table.getSelectionModel().getSelectedItems()));
        compare.textProperty().bind(Bindings.createStringBinding(() -> selected().size() == 1 && !racePartners().isEmpty()
                ? "Compare with its race partner" : "Compare", table.getSelectionModel().getSelectedItems()));
        compare.setTooltip(new Tooltip("Select two or more runs (Ctrl+click) to overlay their curves, or one raced run "
                + "to compare it with the run it raced"));
        compare.setOnAction(e -> nav.compare(selected().size() == 1 ? racePartners()
                : selected().stream().map(RunEntry::dir).toList()));
        export.disableProperty().bind(Bindings.createBooleanBinding(() -> selected().size() != 1
                || !selected().get(0).hasCheckpoint() || selected().get(0).state() == RunState.RUNNING,
                table.getSelectionModel().getSelectedItems()));
        export.setTooltip(new Tooltip("The trained encoder for PyTorch, DJL and TensorBoard, with figures and a report"));
        export.setOnAction(e -> nav.export(selected().get(0).dir()));
        delete.disableProperty().bind(none.or(Bindings.createBooleanBinding(
                () -> selected().stream().anyMatch(r -> r.state() == RunState.RUNNING), table.getSelectionModel().getSelectedItems())));
        delete.setTooltip(new Tooltip("Move the selected runs to the trash (a running run cannot be deleted)"));
        delete.setOnAction(e -> deleteSelected());
        HBox bar = new HBox(6, open, resume, useSettings, compare, export, delete, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** The two folders of the race of the one selected run, both still there (empty otherwise). */
    List<Path> racePartners() {
        List<RunRow> rows = table.getSelectionModel().getSelectedItems().stream().filter(java.util.Objects::nonNull)
                .toList();
        if (rows.size() != 1) {
            return List.of();
        }
        List<Path> runs = rows.get(0).raceRuns();
        return runs.size() == 2 && runs.stream().allMatch(java.nio.file.Files::isDirectory) ? runs : List.of();
    }

    List<RunEntry> selected() {
        return table.getSelectionModel().getSelectedItems().stream().filter(java.util.Objects::nonNull)
                .map(RunRow::entry).toList();
    }

    private void openSelected() {
        List<RunEntry> s = selected();
        if (s.size() == 1) {
            model.open(s.get(0), nav::showWorkbench, nav::notify);
        }
    }

    /** One sub-menu per setting that takes more than one value here; picking a value adds key=value to the filter. */
    private void fillSettingMenu(Table t) {
        bySetting.getItems().clear();
        for (String key : t.columnNames()) {
            if (Settings.byKey(key) == null && !key.equals("state") && !key.equals("tags")) {
                continue;
            }
            List<String> values = key.equals("tags") ? tagValues(t) : RunFilter.values(t, key);
            if (values.size() < 2 && !key.equals("tags")) {
                continue;
            }
            Menu m = new Menu(key);
            for (String v : values) {
                MenuItem item = new MenuItem(v);
                item.setOnAction(e -> addCondition(key + "=" + v));
                m.getItems().add(item);
            }
            if (!m.getItems().isEmpty()) {
                bySetting.getItems().add(m);
            }
        }
        bySetting.setDisable(bySetting.getItems().isEmpty());
    }

    private static List<String> tagValues(Table t) {
        return RunFilter.values(t, "tags").stream().flatMap(s -> java.util.Arrays.stream(s.split(" ")))
                .distinct().sorted().toList();
    }

    /** Adds a condition to the filter, replacing one on the same key. */
    void addCondition(String condition) {
        String key = condition.substring(0, condition.indexOf('='));
        StringBuilder q = new StringBuilder();
        for (String token : model.query.get().trim().split("\\s+")) {
            if (!token.isEmpty() && !token.startsWith(key + "=")) {
                q.append(token).append(' ');
            }
        }
        model.query.set(q.append(condition).toString());
    }

    private void deleteSelected() {
        List<RunEntry> runs = selected();
        if (runs.isEmpty()) {
            return;
        }
        String what = runs.size() == 1 ? "'" + runs.get(0).name() + "'" : runs.size() + " runs";
        ButtonType trash = new ButtonType("Move to trash", ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Move " + what + " to the trash? You can restore "
                + (runs.size() == 1 ? "it" : "them") + " from your file manager's trash.", trash, ButtonType.CANCEL);
        a.setHeaderText("Delete " + what);
        a.initOwner(getScene().getWindow());
        if (a.showAndWait().orElse(ButtonType.CANCEL) == trash) {
            model.toTrash(runs, this::confirmPermanent, nav::notify);
        }
    }

    /** No trash could take them: say so and ask before deleting for good. */
    private void confirmPermanent(List<RunEntry> runs) {
        ButtonType forever = new ButtonType("Delete permanently", ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.WARNING, "This system has no trash for " + (runs.size() == 1
                ? runs.get(0).dir() : runs.size() + " of these runs") + ". Delete permanently? This cannot be undone.",
                forever, ButtonType.CANCEL);
        a.setHeaderText("No trash here");
        a.initOwner(getScene().getWindow());
        if (a.showAndWait().orElse(ButtonType.CANCEL) == forever) {
            model.deleteForever(runs, nav::notify);
        }
    }

    /** Keeps the selection (by folder) across a reload. */
    void reselect(List<java.nio.file.Path> dirs) {
        table.getSelectionModel().clearSelection();
        for (int i = 0; i < table.getItems().size(); i++) {
            if (dirs.contains(table.getItems().get(i).entry().dir())) {
                table.getSelectionModel().select(i);
            }
        }
    }

    /** The text of the table's column for the run in {@code dir}, as shown (tests read it). */
    String cellText(java.nio.file.Path dir, String column) {
        for (RunRow r : table.getItems()) {
            if (r.entry().dir().equals(dir)) {
                return RunColumns.shown(column, r.cell(column));
            }
        }
        return null;
    }
}
