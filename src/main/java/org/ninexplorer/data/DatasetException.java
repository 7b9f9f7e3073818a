package org.ninexplorer.data;

import java.util.List;
import org.ninexplorer.model.Coded;

/**
 * A dataset that cannot be found, fetched or read, as a code and its arguments ({@link Coded}): the window words it
 * in its language from the bundles' {@code common.dataset-error.<code>} patterns, the CLI in English. The first argument
 * names the file or folder where there is one; paths, numbers and the system's own words stay arguments. The
 * message is the code and its arguments, for logs.
 */
public final class DatasetException extends Exception implements Coded {

    /** What is wrong; the arguments each one takes. */
    public enum Code {
        /** folder, dataset, the system's words */
        FOLDER_NOT_CREATED,
        /** dataset, file, the mirrors tried ({@link Part}s), folder, the files and their MD5s, the first mirror */
        DOWNLOAD_FAILED,
        /** one mirror tried: address, what it answered (a {@link Part} or the system's words), the next or "" */
        TRIED,
        /** MD5 got, MD5 expected */
        CHECKSUM_MISMATCH,
        /** dataset */
        DOWNLOAD_INTERRUPTED,
        /** dataset */
        DOWNLOAD_CANCELLED,
        /** test folder, the class folders, training folder */
        UNMATCHED_CLASSES,
        /** folder */
        NO_CLASS_FOLDERS,
        /** folder, the class folders, the most */
        TOO_MANY_CLASSES,
        /** folder, the system's words */
        NOT_LISTED,
        /** folder */
        EMPTY_CLASS_FOLDER,
        /** label file, labels, image file, images */
        LABEL_COUNT_MISMATCH,
        /** label file, label, index, classes, the highest label */
        LABEL_OUT_OF_RANGE,
        /** file, images, rows, columns */
        IMPLAUSIBLE_IMAGE_HEADER,
        /** file, images, rows, columns, bytes */
        HEADER_TOO_LARGE,
        /** file, labels */
        IMPLAUSIBLE_LABEL_HEADER,
        /** file */
        TRUNCATED_HEADER,
        /** file, the magic number, the one an image file starts with */
        WRONG_IMAGE_MAGIC,
        /** file, the magic number, the one a label file starts with */
        WRONG_LABEL_MAGIC,
        /** images, rows, columns: what an image file's header says it holds */
        IMAGES,
        /** labels: what a label file's header says it holds */
        LABELS,
        /** file, what the header says ({@link Part}), bytes, bytes there */
        TRUNCATED_BODY,
        /** file, what the header says ({@link Part}), bytes */
        TRAILING_BODY,
        /** file */
        NO_SUCH_FILE,
        /** file */
        TRUNCATED_GZIP,
        /** file, the system's words */
        CORRUPT_GZIP,
        /** file, the system's words */
        UNREADABLE,
        /** folder, the missing files, the files a folder holds */
        MISSING_IDX_FILES,
        /** folder, training height, width, test height, width */
        SPLITS_DIFFER,
        /** file */
        NO_CLASS_NAMES,
        /** folder, label, its images (a whole number), the highest label, the label after it, the names file */
        STRAY_LABEL,
        /** file */
        NOT_AN_IMAGE,
        /** file, the decoder's words */
        UNREADABLE_IMAGE,
        /** file, the system's words */
        SAMPLE_UNREADABLE,
        /** file */
        SAMPLE_MISSING,
        /** what was given, the system's words */
        INVALID_FOLDER_NAME,
        /** what was given, the sample's name, the datasets' folder names */
        NO_SUCH_DATASET,
        /** dataset, folder, the missing files, the first mirror, the data directory's variable */
        NOT_DOWNLOADED;

        /** The bundle key of this code's pattern. */
        String key() {
            return "common.dataset-error." + Coded.key(this);
        }
    }

    /** A part of a dataset error's sentence, worded in its place: what a header says, a mirror's answer. */
    public record Part(Code code, List<Object> args) implements Coded {
        public Part {
            args = List.copyOf(args);
        }

        static Part of(Code code, Object... args) {
            return new Part(code, List.of(args));
        }

        @Override
        public String key() {
            return code.key();
        }
    }

    private final Code code;
    private final List<Object> args;

    public DatasetException(Code code, Object... args) {
        this(null, code, args);
    }

    public DatasetException(Throwable cause, Code code, Object... args) {
        super(code + List.of(args).toString(), cause);
        this.code = code;
        this.args = List.of(args);
    }

    public Code code() {
        return code;
    }

    @Override
    public String key() {
        return code.key();
    }

    @Override
    public List<Object> args() {
        return args;
    }
}
