package org.ninexplorer.ui.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.ninexplorer.training.Versions;
import org.ninexplorer.ui.common.Messages;

/**
 * Help ▸ Keyboard shortcuts, What is NiN? and About. The dialogs do not wait for an answer (a teacher can
 * keep the shortcuts open beside the window); their parts have ids for tests.
 */
public final class HelpMenu {

    private final Supplier<Window> owner;
    private final Supplier<List<Shortcuts.Row>> shortcuts;
    private final ObservableStringValue backend;
    private final Consumer<Parent> style;

    /**
     * @param shortcuts every key binding of the window, read when the dialog opens (menu texts change)
     * @param backend   the backend line, as the toolbar shows it
     * @param style     gives a dialog the window's look (large text in presentation mode)
     */
    public HelpMenu(Supplier<Window> owner, Supplier<List<Shortcuts.Row>> shortcuts, ObservableStringValue backend,
                    Consumer<Parent> style) {
        this.owner = owner;
        this.shortcuts = shortcuts;
        this.backend = backend;
        this.style = style;
    }

    /** Fills {@code help} with its three items. */
    public void fill(Menu help) {
        MenuItem keys = item("help-shortcuts", Messages.get("help.menu.shortcuts"), this::showShortcuts);
        keys.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        help.getItems().setAll(keys, item("help-nin", Messages.get("help.menu.nin"), this::showWhatIsNin),
                item("help-about", Messages.get("help.menu.about"), this::showAbout));
    }

    void showShortcuts() {
        TableView<Shortcuts.Row> table = new TableView<>();
        table.setId("shortcuts-table");
        table.getColumns().add(column(Messages.get("help.shortcuts.what"), Shortcuts.Row::action, 420));
        table.getColumns().add(column(Messages.get("help.shortcuts.keys"), Shortcuts.Row::keys, 240));
        table.getItems().setAll(shortcuts.get());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefSize(700, 520);
        show("shortcuts-dialog", Messages.get("help.shortcuts.title"), table);
    }

    void showWhatIsNin() {
        VBox page = new VBox(8);
        page.setId("nin-page");
        page.getStyleClass().add("help-page");
        page.getChildren().setAll(labels(read("what-is-nin")));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setPrefSize(680, 540);
        show("nin-dialog", Messages.get("help.nin.title"), scroll);
    }

    /** A page's labels: a line that starts with "# " is a heading, the lines up to a blank one a paragraph. */
    private static List<Label> labels(String page) {
        List<Label> labels = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (String line : page.split("\\R")) {
            if (line.isBlank() || line.startsWith("# ")) {
                if (!text.isEmpty()) {
                    labels.add(label(text.toString(), "help-text"));
                    text.setLength(0);
                }
                if (line.startsWith("# ")) {
                    labels.add(label(line.substring(2), "help-heading"));
                }
            } else {
                text.append(text.isEmpty() ? "" : "\n").append(line.strip());
            }
        }
        if (!text.isEmpty()) {
            labels.add(label(text.toString(), "help-text"));
        }
        return labels;
    }

    private static Label label(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(640);
        label.getStyleClass().add(styleClass);
        return label;
    }

    void showAbout() {
        Label text = new Label(about());
        text.setId("about-text");
        text.setWrapText(true);
        text.setMaxWidth(560);
        show("about-dialog", Messages.get("help.about.title"), text);
    }

    /** The versions a bug report needs, one per line. */
    String about() {
        return Messages.get("help.about.text", Versions.app(), Versions.java(), System.getProperty("java.vendor"),
                System.getProperty("javafx.runtime.version"), Versions.DL4J, backend.get());
    }

    private void show(String id, String title, Node content) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setResizable(true);
        dialog.getDialogPane().setId(id);
        dialog.getDialogPane().getStylesheets().add(HelpMenu.class.getResource("help.css").toExternalForm());
        style.accept(dialog.getDialogPane());
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }

    /** The page {@code name} in the interface's language ({@code name_zh.txt}), else in English ({@code name.txt}). */
    private static String read(String name) {
        String resource = name + "_" + Messages.current().locale().getLanguage() + ".txt";
        if (HelpMenu.class.getResource(resource) == null) {
            resource = name + ".txt";
        }
        try (InputStream in = HelpMenu.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("not found");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The help page " + resource + " is missing from the build", e);
        }
    }

    private static TableColumn<Shortcuts.Row, String> column(String title,
            Function<Shortcuts.Row, String> value, double width) {
        TableColumn<Shortcuts.Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
