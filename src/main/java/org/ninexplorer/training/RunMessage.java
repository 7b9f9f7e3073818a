package org.ninexplorer.training;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.ninexplorer.model.Coded;

/**
 * What the engine tells the user about a run (how it ended, why it is listed as it is, what it noticed), as a
 * code and its arguments: the window words it in its language ({@code ui.common.Messages#engine}, with the
 * bundles' {@code training.engine.<code>} patterns), the CLI in English, and {@code run.json} keeps the code.
 *
 * @param args the pattern's arguments, in order: strings as the engine wrote them (numbers in {@link Locale#ROOT},
 *             paths), whole numbers where the wording counts them, and nested messages
 */
public record RunMessage(Code code, List<Object> args) implements Coded {

    /** The bundle of the interface's words ({@code ui.common.Messages.BUNDLE}), English being its root. */
    private static final String ENGLISH_BUNDLE = "org.ninexplorer.ui.messages";

    /** Each thing the engine says; the arguments each one takes are listed beside it. */
    public enum Code {
        /** text: an error's own message, or a reason recorded before reasons were codes, said as it is; or a
         *  {@link Coded} problem from below (an architecture file's, a data set's) */
        TEXT,
        /** epochs (a number), model file */
        COMPLETED,
        STOPPED_BEFORE_BEGINNING,
        /** epoch */
        STOPPED_BEFORE_GOING_ON,
        /** epoch, model file */
        STOPPED_DURING_EPOCH,
        /** epoch, model file */
        STOPPED_WHILE_TESTING,
        /** epoch, iteration, what (a message), learning rate, what is kept (a message) */
        DIVERGED,
        /** loss */
        LOSS_NOT_FINITE,
        /** loss */
        WEIGHTS_NOT_FINITE,
        OPTIMIZER_NOT_FINITE,
        NETWORK_NOT_FINITE,
        /** epoch, checkpoint folder */
        CHECKPOINT_KEPT,
        NO_CHECKPOINT,
        /** epoch, what went wrong */
        FAILED,
        /** epoch, what went wrong, DL4J's memory report */
        FAILED_WITH_REPORT,
        /** what went wrong */
        COULD_NOT_START,
        /** the lock's owner */
        STARTING,
        /** the lock's owner */
        BEING_TRAINED,
        KILLED,
        /** the lock's owner */
        KILLED_BY,
        /** the record's file name */
        NO_RECORD,
        /** the model's file name */
        MODEL_MISSING,
        /** what went wrong */
        UNREADABLE,
        /** lock file, its owner */
        TOOK_OVER_LOCK,
        /** checkpoint file, what went wrong */
        CHECKPOINT_UNREADABLE,
        /** checkpoint file name, epoch */
        CONTINUING_FROM,
        /** epoch, how many classes, of how many, their names, test images, images checked: {@link SilentClasses} */
        CLASSES_SILENT,
        /** epoch, test images, images checked, learning rate: {@link SilentClasses} */
        ALL_CLASSES_SILENT,
        /** epoch, what went wrong */
        CONFUSION_NOT_KEPT,
        /** what went wrong with the confusion matrices kept so far */
        CONFUSION_RESTARTED,
        /** what went wrong */
        PINS_NOT_KEPT,
        /** epoch, what went wrong */
        TIMELINE_NOT_KEPT,
        /** what is wrong with the timeline so far */
        TIMELINE_GOES_ON,
        /** total, batch, activations, activations per image, input batches, parameters and their state */
        ESTIMATE,
        /** as {@link #ESTIMATE}, then the data set */
        ESTIMATE_WITH_DATA,
        /** JavaCPP's limit, the Java heap, the runtime's reserve */
        BUDGET_JAVACPP,
        /** physical memory, the Java heap, the runtime's reserve */
        BUDGET_PHYSICAL,
        /** the data set's heap bytes, the heap */
        MEMORY_HEAP,
        /** the estimate (a message), what the machine can give, how (a message), advice (a message) */
        MEMORY_OFF_HEAP,
        /** batch, channels, height, width, batches built at once, needed, what the machine can give, how, fits */
        MEMORY_LOADING,
        /** optimizer, learning rate, schedule, batch, epochs (a number), weight init, seed: the settings' own names */
        RECIPE,
        /** run folder, its recorded status, epochs done, epochs recorded */
        RESUMING,
        /** as {@link #RESUMING}, then the epochs it now trains to */
        RESUMING_TO,
        /** threads (a number) */
        THREADS,
        FAST_PATH,
        FAST_PATH_OFF,
        FUSED_BLOCKS,
        /** how many (a number), their indices */
        SEPARATE_BLOCKS,
        /** batch */
        BATCH_FITS,
        NOTHING_FITS,
        /** the precision of the fused blocks, for the backend line */
        BF16_MIXED,
        FP32_BF16_OFF,
        FP32_NO_NATIVE_BF16,
        /** a lock's owner: process id, host, since when (as the lock file has them) */
        LOCK_OWNER,
        /** process id */
        THIS_PROCESS,
        ANOTHER_PROCESS,
        /** run folder, its lock's owner (a message); also {@link #HELD_NOT_DELETED} */
        HELD,
        /** file, why (a message): {@link RunFiles#cannotWrite} */
        CANNOT_WRITE,
        /** file, why: a full disk, with advice */
        CANNOT_WRITE_DISK_FULL,
        /** file, why: a folder that cannot be written, with advice */
        CANNOT_WRITE_ELSEWHERE,
        /** file or folder, why (a message) */
        CANNOT_READ,
        /** what the system said of a file ({@link RunFiles#reason}), the rest being {@link #TEXT} */
        NO_SUCH_FILE,
        ACCESS_DENIED,
        NO_SPACE,
        NOT_A_DIRECTORY,
        FILE_EXISTS,
        READ_ONLY_FILE_SYSTEM,
        /** the file the system named, why (a message) */
        ON_FILE,
        /** run folder */
        HOLDS_A_RUN,
        NO_RUN_FOLDER,
        /** folder, the record's file name */
        NOT_A_RUN,
        /** run folder's name, the metrics file's name */
        NO_METRICS,
        /** the folder */
        RUN_DIRECTORY_IS_A_FILE,
        FOLDER_NOT_EMPTY,
        NOT_DELETED,
        /** data set, its classes, the architecture's classes */
        CLASSES_DIFFER,
        /** run folder, epochs trained, epochs asked for */
        TRAINED_FURTHER,
        /** the loaded data set, its classes, the run's net's classes, the run's data set */
        RUN_DATA_DIFFERS,
        /** run folder, epoch */
        NO_CHECKPOINT_OF,
        /** run folder, its lock's owner (nothing was deleted) */
        HELD_NOT_DELETED,
        /** folder, why */
        CANNOT_DELETE,
        /** run folder, why */
        CANNOT_CREATE_RUN_DIRECTORY,
        /** checkpoint folder, why it cannot be written (a message) */
        CHECKPOINTS_NOT_WRITABLE,
        /** what went wrong (a message); nothing was kept */
        LESSON_NOT_OPENED,
        /** the manifest's file name */
        LESSON_MANIFEST_NOT_JSON,
        /** the manifest's file name, the format it should name */
        LESSON_NOT_THIS_FORMAT,
        /** the manifest's file name */
        LESSON_NO_FORMAT_VERSION,
        /** the lesson's format version, the newest this version reads */
        LESSON_NEWER,
        /** the manifest's file name */
        LESSON_RUN_FILE_NOT_A_NAME,
        LESSON_EMPTY,
        /** the manifest's file name, the field */
        LESSON_NOT_A_LIST,
        /** the manifest's file name, the field */
        LESSON_ENTRY_WITHOUT,
        /** the entry, why (one of the three below) */
        LESSON_UNSAFE_ENTRY,
        ABSOLUTE_PATH,
        CLIMBING_PATH,
        NOT_PLAIN_NAME,
        /** the entry */
        LESSON_LINK,
        /** the entry */
        LESSON_TWICE,
        /** the manifest's file name */
        LESSON_NO_MANIFEST,
        /** the architecture's file */
        LESSON_ARCHITECTURE_ELSEWHERE,
        /** the run's folder */
        LESSON_RUN_FOLDER_NOT_PLAIN,
        /** the run's folder, the record's file name, the files a run may hold */
        LESSON_RUN_FILES,
        /** the entry */
        LESSON_INCOMPLETE,
        /** the entry */
        LESSON_UNLISTED,
        /** the entry */
        LESSON_OUTSIDE,
        /** the most a file may hold and the most in all, in MB */
        LESSON_TOO_LARGE,
        /** the architecture's name, what went wrong (a message) */
        LESSON_ARCHITECTURE_DOES_NOT_OPEN,
        /** the folder, the record's file name */
        LESSON_NOT_A_RUN,
        /** the lesson's size and the most it may be, in MB */
        LESSON_WOULD_BE_TOO_LARGE,
        /** the file, its size and the most one may be, in MB */
        LESSON_FILE_TOO_LARGE,
        /** the most files a lesson holds */
        LESSON_ZIP64,
        /** the files it holds, the most a lesson holds */
        LESSON_TOO_MANY_FILES,
        LESSON_NOT_A_ZIP,
        LESSON_MISSING,
        /** the run's folder in the lesson, what went wrong (a message) */
        LESSON_RUN_DOES_NOT_OPEN,
        /** two messages, one after the other */
        BOTH,
        /** the timeline's file, its folder, the most it may hold in MB */
        TIMELINE_TOO_LARGE,
        /** the timeline's file, its folder */
        TIMELINE_NOT_THIS_FORMAT,
        /** the timeline's file, its folder, the epoch, the epoch before it */
        TIMELINE_OUT_OF_ORDER,
        /** the timeline's file, its folder */
        TIMELINE_CUT_SHORT_AT_START,
        /** the timeline's file, its folder, the last whole epoch */
        TIMELINE_CUT_SHORT,
        /** epoch, what went wrong */
        TIMELINE_EPOCH_DAMAGED,
        /** epoch */
        TIMELINE_NO_EPOCH,
        /** the model file */
        MODEL_HOLDS_NO_NETWORK,
        /** the record's file, the line, the parser's own words */
        RECORD_NOT_JSON,
        /** the record's file */
        RECORD_NOT_AN_OBJECT,
        /** the record's file, its format, the newest this version reads */
        RECORD_NEWER,
        /** the record's file, the problem of a field inside it (an architecture file's format error) */
        RECORD_FIELD,
        /** the record's file, the settings' problems as the settings say them */
        RECORD_HYPERPARAMETERS,
        /** the record's file, the field */
        RECORD_MISSING,
        /** the record's file, the field, its value as JSON */
        RECORD_NOT_AN_OBJECT_FIELD,
        RECORD_NOT_A_STRING,
        RECORD_NOT_A_NUMBER,
        RECORD_NOT_A_WHOLE_NUMBER,
        /** the record's file, the field, why its text is not a setting (the setting's parser's words) */
        RECORD_UNPARSED,
        /** the metrics file's name */
        METRICS_MISSING,
        /** the metrics file's name, its header */
        METRICS_NOT_THIS_FORMAT,
        /** the metrics file's name, the line, the row */
        METRICS_MALFORMED_ROW,
        /** the metrics file's name, the line, the number parser's words, the row */
        METRICS_MALFORMED_NUMBER,
        /** the pins' file name, the run folder, the line that is not an index */
        PINS_DAMAGED,
        /** the confusion file's name, its folder, why (one of the four below) */
        CONFUSION_DAMAGED,
        /** epoch, the class it names, the classes */
        CONFUSION_CLASS_OUT_OF_RANGE,
        /** the cells an epoch has */
        CONFUSION_INCOMPLETE,
        /** the header */
        CONFUSION_HEADER,
        /** line, the row */
        CONFUSION_NOT_NUMBERS,
        /** checkpoint file, record file, how they differ (one of the five below) */
        CHECKPOINT_OF_ANOTHER_NET,
        /** the layer's DL4J class */
        CHECKPOINT_FOREIGN_LAYER,
        /** layer index, the recorded layer, the saved one (type and settings) */
        CHECKPOINT_OTHER_LAYER,
        /** layers in the record, in the checkpoint */
        CHECKPOINT_OTHER_DEPTH,
        /** input channels in the record, in the checkpoint */
        CHECKPOINT_OTHER_CHANNELS,
        /** parameters of the record's net, the checkpoint's (grouped digits) */
        CHECKPOINT_OTHER_PARAMETERS,
        /** checkpoint folder, each unreadable file and the library's words */
        NO_READABLE_CHECKPOINT,
        /** epochs asked for, run folder, epochs trained (a number), the fewest to give */
        EPOCHS_BELOW_TRAINED,
        /** the model file, what went wrong */
        MODEL_CUT_SHORT;

        /** The bundle key's last part: {@code stopped-during-epoch}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public RunMessage {
        args = List.copyOf(args);
    }

    public static RunMessage of(Code code, Object... args) {
        return new RunMessage(code, List.of(args));
    }

    /** Text said as it is: an exception's message, in English, framed by a worded message around it. */
    public static RunMessage text(String text) {
        return of(Code.TEXT, text);
    }

    /**
     * What {@code e} says: the engine's message where it carries one ({@link Said}), the problem it is where it is
     * {@link Coded} (an architecture file's format), else its own text.
     */
    public static RunMessage of(Throwable e) {
        if (e instanceof Said said && said.said().isPresent()) {
            return said.said().get();
        }
        if (e instanceof Coded coded) {
            return of(Code.TEXT, coded);
        }
        return text(e.getMessage() == null ? e.toString() : e.getMessage());
    }

    /** An exception that says what went wrong as a message, for the window to word in its language. */
    public interface Said {
        /** The message; empty for one that is English only. */
        java.util.Optional<RunMessage> said();
    }

    /**
     * The message in {@code bundle}'s words ({@code training.engine.<code>}), nested messages worded first;
     * strings go in as the engine wrote them (numbers, paths), whole numbers as numbers for the plurals.
     */
    public String in(ResourceBundle bundle, Locale locale) {
        return in(this, bundle, locale);
    }

    /** Any {@link Coded} in {@code bundle}'s words, as {@link #in(ResourceBundle, Locale)} words a message. */
    public static String in(Coded coded, ResourceBundle bundle, Locale locale) {
        Object[] words = coded.args().stream().map(a -> a instanceof Coded nested ? in(nested, bundle, locale)
                : a instanceof Integer ? a : String.valueOf(a)).toArray();
        return new MessageFormat(bundle.getString(coded.key()), locale).format(words);
    }

    @Override
    public String key() {
        return "training.engine." + code.key();
    }

    /** In English, as the CLI and the logs say it: from the interface's English bundle, the one wording. */
    public String english() {
        return inEnglish(this);
    }

    /** Any {@link Coded} in English, as {@link #english()} words a message. */
    public static String inEnglish(Coded coded) {
        return in(coded, ResourceBundle.getBundle(ENGLISH_BUNDLE, Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)), Locale.ROOT);
    }

    /** For logs: the code and its arguments, not a sentence. */
    @Override
    public String toString() {
        return code + args.toString();
    }
}
