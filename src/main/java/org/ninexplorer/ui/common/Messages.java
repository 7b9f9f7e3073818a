package org.ninexplorer.ui.common;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.ninexplorer.model.Coded;
import org.ninexplorer.model.Diagnostic;
import org.ninexplorer.model.Formula;
import org.ninexplorer.training.BackendInfo;
import org.ninexplorer.training.RunMessage;
import org.ninexplorer.training.RunFiles;

/**
 * Every word the interface shows, from {@code org/ninexplorer/ui/messages*.properties}: keys carry their
 * feature's prefix ({@code editor.}, {@code training.}), values are {@link MessageFormat} patterns (so an
 * apostrophe is written ’). The model's {@link Diagnostic} codes and the engine's {@link RunMessage}s become
 * sentences here. The window uses
 * {@link #current()}, fixed at start-up; the CLI stays English through {@link #of}({@link Locale#ROOT}).
 */
public final class Messages {

    public static final String BUNDLE = "org.ninexplorer.ui.messages";

    private static volatile Messages current = of(Locale.ROOT);

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The messages of {@code locale}, English where it has no bundle (not the system's language). */
    public static Messages of(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(bundle, locale);
    }

    /** Sets the language of everything built from now on. */
    public static void use(Locale locale) {
        current = of(locale);
    }

    public static Messages current() {
        return current;
    }

    /** The current language's text for {@code key}, with {@code args} put in. */
    public static String get(String key, Object... args) {
        return current.format(key, args);
    }

    /** The bundle FXML files read their {@code %key}s from. */
    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return locale;
    }

    public String format(String key, Object... args) {
        try {
            return new MessageFormat(bundle.getString(key), locale).format(args);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message " + key + " in " + BUNDLE, e);
        }
    }

    /** A message as a sentence: in English a capital first letter and a full stop, in Chinese a 。 */
    public String sentence(String text) {
        if (text.isEmpty()) {
            return text;
        }
        String stop = format("common.full-stop");
        String start = "zh".equals(bundle.getLocale().getLanguage()) ? text
                : Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return start.endsWith(stop) ? start : start + stop;
    }

    /** E.g. "Layer 3 (kernel): The 11×11 kernel on 5×5 is impossible: … (5 + 2·0 − 11 = -5)." */
    public String diagnostic(Diagnostic d) {
        String where = d.layerIndex() == Diagnostic.ARCHITECTURE ? format("diagnostic.where.network")
                : format("diagnostic.where.layer", String.valueOf(d.layerIndex()));
        String field = d.field() == null ? "" : format("diagnostic.field", format("diagnostic.field." + d.field()));
        return format("diagnostic.line", where, field, sentence(d));
    }

    /** What the engine said about a run, e.g. "Training diverged in epoch 3, iteration 12: the loss became NaN. …" */
    public String engine(RunMessage m) {
        return words(m);
    }

    /** Anything said as a code: an architecture file's format error, a data set's error, the engine's messages. */
    public String words(Coded c) {
        try {
            return RunMessage.in(c, bundle, locale);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message " + c.key() + " in " + BUNDLE, e);
        }
    }

    /** E.g. "CPU · 2 threads · AVX-512 · oneDNN fast path". */
    public String backend(BackendInfo backend) {
        return backend.parts().stream().map(this::engine).collect(Collectors.joining(BackendInfo.SEPARATOR));
    }

    /**
     * What went wrong, in these words: the engine's message where the error carries one (a run's, a lesson's,
     * a file's), the problem where it is one ({@link Coded}: an architecture file's format), a file error's common cause ({@link RunFiles#what}), else the error's own text.
     */
    public String error(Throwable e) {
        if (e instanceof RunMessage.Said said && said.said().isPresent()) {
            return engine(said.said().get());
        }
        if (e instanceof Coded coded) {
            return words(coded);
        }
        if (e instanceof IOException io) {
            return engine(RunFiles.what(io));
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** How a size follows from the input, e.g. "flatten 8×14×14 = 1,568 → 64"; "" for {@link Formula#NONE}. */
    public String formula(Formula f) {
        return f.isEmpty() ? "" : format("common.formula." + f.code().key(), f.args().toArray());
    }

    /** What is wrong, as a sentence. */
    public String sentence(Diagnostic d) {
        return sentence(text(d));
    }

    /** What is wrong and the numbers behind it, as the bundle's pattern says it (lower case, no full stop). */
    public String text(Diagnostic d) {
        // Numbers go in as the model wrote them, so that both languages show the same digits.
        Object[] args = d.args().stream().map(a -> a instanceof Diagnostic.Quantity q
                ? format("diagnostic.quantity." + q.key()) : String.valueOf(a)).toArray();
        return format("diagnostic." + d.code().key(), args);
    }
}
