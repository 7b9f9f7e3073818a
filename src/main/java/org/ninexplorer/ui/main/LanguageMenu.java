package org.ninexplorer.ui.main;

import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import org.ninexplorer.ui.common.DialogService;
import org.ninexplorer.ui.common.Language;
import org.ninexplorer.ui.common.Messages;

/**
 * View ▸ Language: one item per language, each named in its own language. A choice is remembered and applies
 * from the next start, as in most desktop applications; the open window keeps its words, so an edited net and
 * a running training are left as they are.
 */
final class LanguageMenu {

    private LanguageMenu() {
    }

    static void install(Menu menu, Appearance appearance, DialogService dialogs) {
        ToggleGroup group = new ToggleGroup();
        for (Language language : Language.values()) {
            RadioMenuItem item = new RadioMenuItem(Messages.get("main.language." + language.tag()));
            item.setId("language-" + language.tag());
            if (language.fontFamily() != null) {
                // "简体中文" in an English window, on a system that may have no Chinese font
                item.setStyle("-fx-font-family: \"" + language.fontFamily() + "\";");
            }
            item.setToggleGroup(group);
            item.setSelected(language == appearance.nextLanguage());
            item.setOnAction(e -> {
                if (language != appearance.nextLanguage()) {
                    appearance.chooseLanguage(language);
                    dialogs.ask(Messages.get("main.language.next-start.header"),
                            Messages.get("main.language.next-start.detail"),
                            List.of(new DialogService.Answer<>(true, Messages.get("common.ok"))));
                }
            });
            menu.getItems().add(item);
        }
    }
}
