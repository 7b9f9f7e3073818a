package org.ninexplorer.data;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Fetches a dataset's files into the data directory: mirrors in order, a few attempts each, resuming a partial
 * {@code .part} file with an HTTP Range request, checking the MD5, and renaming into place only when complete.
 * Files already present are kept as they are (a user may have placed them by hand).
 */
public final class Downloader {

    private static final Logger LOG = LoggerFactory.getLogger(Downloader.class);
    static final String PART_SUFFIX = ".part";
    private static final int CHUNK = 1 << 16;

    private final int attemptsPerMirror;
    private final Duration retryDelay;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    public Downloader() {
        this(3, Duration.ofSeconds(2), Duration.ofSeconds(15), Duration.ofSeconds(30));
    }

    /** Read timeouts matter: a stalled connection must fail and be retried, not hang the app. */
    public Downloader(int attemptsPerMirror, Duration retryDelay, Duration connectTimeout, Duration readTimeout) {
        if (attemptsPerMirror < 1) {
            throw new IllegalArgumentException("attemptsPerMirror must be at least 1");
        }
        this.attemptsPerMirror = attemptsPerMirror;
        this.retryDelay = retryDelay;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** Downloads whichever of the dataset's files are missing from its folder in {@code dir}. */
    public void download(DatasetKind kind, DataDirectory dir, ProgressListener listener, BooleanSupplier cancelled)
            throws DatasetException {
        download(kind.displayName(), kind.mirrors(), kind.files(), dir.folder(kind), listener, cancelled);
    }

    /** Downloads whichever of {@code files} are missing from {@code target}, from the first mirror that works. */
    public void download(String what, List<URI> mirrors, List<RemoteFile> files, Path target,
                         ProgressListener listener, BooleanSupplier cancelled) throws DatasetException {
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new DatasetException(e, DatasetException.Code.FOLDER_NOT_CREATED, target.toString(), what, String.valueOf(e.getMessage()));
        }
        for (RemoteFile file : files) {
            if (!Files.isRegularFile(target.resolve(file.name()))) {
                fetch(what, mirrors, file, files, target, listener, cancelled);
            }
        }
    }

    private void fetch(String what, List<URI> mirrors, RemoteFile file, List<RemoteFile> files, Path target,
                       ProgressListener listener, BooleanSupplier cancelled) throws DatasetException {
        Path destination = target.resolve(file.name());
        Path part = target.resolve(file.name() + PART_SUFFIX);
        List<Object[]> tried = new ArrayList<>(); // each mirror tried: its address and answer
        for (URI mirror : mirrors) {
            URI url = mirror.resolve(file.name());
            for (int attempt = 1; attempt <= attemptsPerMirror; attempt++) {
                checkCancelled(cancelled, what);
                try {
                    transfer(url, part, file.name(), listener, cancelled);
                    String md5 = md5(part);
                    if (md5.equalsIgnoreCase(file.md5())) {
                        Files.move(part, destination, StandardCopyOption.REPLACE_EXISTING,
                                StandardCopyOption.ATOMIC_MOVE);
                        LOG.info("Downloaded {} from {}", destination, url);
                        return;
                    }
                    Files.deleteIfExists(part);
                    tried.add(new Object[] {url.toString(), DatasetException.Part.of(DatasetException.Code.CHECKSUM_MISMATCH, md5, file.md5())});
                    break; // this mirror serves different bytes; retrying it would not help
                } catch (HttpStatusException e) {
                    tried.add(new Object[] {url.toString(), String.valueOf(e.getMessage())});
                    break;
                } catch (IOException e) {
                    tried.add(new Object[] {url.toString(), describe(e)});
                    LOG.warn("Download of {} failed (attempt {}): {}", url, attempt, describe(e));
                    if (attempt < attemptsPerMirror) {
                        pause(cancelled, what);
                    }
                }
            }
        }
        throw offline(what, file, files, target, mirrors, tried);
    }

    /** Appends the rest of {@code url} to {@code part}, asking only for the bytes not yet there. */
    private void transfer(URI url, Path part, String name, ProgressListener listener, BooleanSupplier cancelled)
            throws IOException, DatasetException {
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        try {
            connection.setConnectTimeout((int) connectTimeout.toMillis());
            connection.setReadTimeout((int) readTimeout.toMillis());
            if (have > 0) {
                connection.setRequestProperty("Range", "bytes=" + have + "-");
            }
            int status = connection.getResponseCode();
            if (status == 416 && have > 0) {
                return; // the part file is already whole; the checksum decides
            }
            boolean resumed = status == HttpURLConnection.HTTP_PARTIAL && have > 0;
            if (status != HttpURLConnection.HTTP_OK && !resumed) {
                // Server errors (5xx) may pass, so they are retried; client errors (404, 403...) will not.
                throw status >= 400 && status < 500 ? new HttpStatusException("HTTP " + status)
                        : new IOException("HTTP " + status);
            }
            long start = resumed ? have : 0;
            long length = connection.getContentLengthLong();
            long total = length < 0 ? -1 : start + length;
            StandardOpenOption mode = resumed ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
            try (InputStream in = connection.getInputStream();
                 OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                         mode)) {
                byte[] buffer = new byte[CHUNK];
                long done = start;
                listener.progress(done, total, name);
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    done += n;
                    listener.progress(done, total, name);
                    checkCancelled(cancelled, name);
                }
                if (total >= 0 && done < total) {
                    throw new IOException("connection closed after " + done + " of " + total + " bytes");
                }
            }
        } finally {
            connection.disconnect();
        }
    }

    private static DatasetException offline(String what, RemoteFile file, List<RemoteFile> files, Path target,
                                            List<URI> mirrors, List<Object[]> tried) {
        Object triedLines = "";
        for (int i = tried.size() - 1; i >= 0; i--) {
            triedLines = DatasetException.Part.of(DatasetException.Code.TRIED, tried.get(i)[0], tried.get(i)[1],
                    triedLines);
        }
        StringBuilder expected = new StringBuilder();
        files.forEach(f -> expected.append("\n  ").append(f.name()).append("  (MD5 ").append(f.md5()).append(')'));
        return new DatasetException(DatasetException.Code.DOWNLOAD_FAILED, what, file.name(), triedLines,
                target.toString(), expected.toString(), mirrors.get(0).toString());
    }

    private void pause(BooleanSupplier cancelled, String what) throws DatasetException {
        try {
            Thread.sleep(retryDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetException(e, DatasetException.Code.DOWNLOAD_INTERRUPTED, what);
        }
        checkCancelled(cancelled, what);
    }

    private static void checkCancelled(BooleanSupplier cancelled, String what) throws DatasetException {
        if (cancelled.getAsBoolean()) {
            throw new DatasetException(DatasetException.Code.DOWNLOAD_CANCELLED, what);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    static String md5(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            byte[] buffer = new byte[CHUNK];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    /** A status that no retry will change (404, 403, ...): go to the next mirror. */
    private static final class HttpStatusException extends IOException {
        HttpStatusException(String message) {
            super(message);
        }
    }
}
