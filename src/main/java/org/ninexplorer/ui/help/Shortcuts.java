package org.ninexplorer.ui.help;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import org.ninexplorer.ui.common.Messages;

/**
 * The key bindings as Help ▸ Keyboard shortcuts lists them, read from where they are defined: the menu
 * items' accelerators and the window's own keys. No second list to fall out of date.
 */
public final class Shortcuts {

    /** One binding: what it does, and the keys that do it ("Ctrl+= or Ctrl++"). */
    public record Row(String action, String keys) {
    }

    private Shortcuts() {
    }

    /** The keys as the platform writes them (Ctrl on Linux and Windows, ⌘ on a Mac), joined by "or". */
    public static String keys(List<KeyCombination> combinations) {
        return combinations.stream().map(KeyCombination::getDisplayText).distinct().collect(Collectors.joining(Messages.get("help.shortcuts.or")));
    }

    /** Every menu item with an accelerator, as "File ▸ Save", in menu order; one row per action and keys. */
    public static List<Row> fromMenus(List<Menu> menus) {
        List<Row> rows = new ArrayList<>();
        for (Menu menu : menus) {
            collect(menu, label(menu), rows);
        }
        return rows;
    }

    private static void collect(Menu menu, String path, List<Row> rows) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, path + " ▸ " + label(sub), rows);
            } else if (item.getAccelerator() != null && item.getText() != null) {
                Row row = new Row(path + " ▸ " + label(item), item.getAccelerator().getDisplayText());
                if (!rows.contains(row)) {
                    rows.add(row);
                }
            }
        }
    }

    /** The item's words without the underscore that marks its mnemonic. */
    private static String label(MenuItem item) {
        String text = item.getText() == null ? "" : item.getText();
        // "_File" is "File"; "文件(_F)" is "文件", as Chinese menus write a Latin mnemonic after the word.
        return item.isMnemonicParsing() ? text.replaceFirst("\\(_.\\)$", "").replaceFirst("_(.)", "$1") : text;
    }
}
