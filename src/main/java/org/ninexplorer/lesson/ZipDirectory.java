package org.ninexplorer.lesson;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.ninexplorer.training.RunMessage;

/**
 * A zip's central directory, read before anything is unpacked: each entry's name, its declared size, and
 * whether it is a symbolic link (which {@link java.util.zip.ZipFile} does not tell). The sizes are claims;
 * {@link LessonReader} counts what really inflates.
 */
final class ZipDirectory {

    /** One entry as the central directory describes it. */
    record Entry(String name, long size, boolean link) {
    }

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ENTRY_SIGNATURE = 0x02014b50;
    private static final int END_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int UNIX = 3;
    private static final int FILE_TYPE = 0xF000;
    private static final int SYMLINK = 0xA000;

    private ZipDirectory() {
    }

    /** The entries, refused with a sentence when there are more than {@code maxEntries} or the zip is broken. */
    static List<Entry> read(Path zip, int maxEntries) throws LessonException {
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            ByteBuffer end = findEnd(channel);
            int count = Short.toUnsignedInt(end.getShort(10));
            long directorySize = Integer.toUnsignedLong(end.getInt(12));
            long offset = Integer.toUnsignedLong(end.getInt(16));
            if (count == 0xFFFF || offset == 0xFFFFFFFFL) {
                throw LessonException.of(RunMessage.Code.LESSON_ZIP64, String.valueOf(maxEntries));
            }
            if (count > maxEntries) {
                throw LessonException.of(RunMessage.Code.LESSON_TOO_MANY_FILES, String.valueOf(count),
                        String.valueOf(maxEntries));
            }
            if (offset + directorySize > channel.size() || directorySize > (long) count * (46 + 3 * 0xFFFF)) {
                throw broken(null);
            }
            ByteBuffer directory = ByteBuffer.allocate((int) directorySize).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, directory, offset);
            List<Entry> entries = new ArrayList<>(count);
            int at = 0;
            for (int i = 0; i < count; i++) {
                if (at + 46 > directorySize || directory.getInt(at) != ENTRY_SIGNATURE) {
                    throw broken(null);
                }
                int madeBy = Short.toUnsignedInt(directory.getShort(at + 4)) >> 8;
                long size = Integer.toUnsignedLong(directory.getInt(at + 24));
                int nameLength = Short.toUnsignedInt(directory.getShort(at + 28));
                int extraLength = Short.toUnsignedInt(directory.getShort(at + 30));
                int commentLength = Short.toUnsignedInt(directory.getShort(at + 32));
                int mode = directory.getInt(at + 38) >>> 16;
                if (at + 46 + nameLength > directorySize) {
                    throw broken(null);
                }
                byte[] name = new byte[nameLength];
                directory.get(at + 46, name);
                entries.add(new Entry(new String(name, StandardCharsets.UTF_8), size,
                        madeBy == UNIX && (mode & FILE_TYPE) == SYMLINK));
                at += 46 + nameLength + extraLength + commentLength;
            }
            return entries;
        } catch (IOException e) {
            throw broken(e);
        }
    }

    /** The end-of-directory record: the last 22 bytes, or earlier when the zip ends with a comment. */
    private static ByteBuffer findEnd(FileChannel channel) throws IOException, LessonException {
        long size = channel.size();
        int tail = (int) Math.min(size, END_SIZE + MAX_COMMENT);
        if (tail < END_SIZE) {
            throw broken(null);
        }
        ByteBuffer buffer = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, buffer, size - tail);
        for (int at = tail - END_SIZE; at >= 0; at--) {
            if (buffer.getInt(at) == END_SIGNATURE) {
                return buffer.slice(at, END_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            }
        }
        throw broken(null);
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new java.io.EOFException();
            }
        }
    }

    private static LessonException broken(IOException cause) {
        return new LessonException(RunMessage.of(cause instanceof java.nio.file.NoSuchFileException
                ? RunMessage.Code.LESSON_MISSING : RunMessage.Code.LESSON_NOT_A_ZIP), cause);
    }
}
