package org.ninexplorer.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A mirror on 127.0.0.1 serving files from memory, with HTTP Range support and injectable failures. */
final class LoopbackServer implements AutoCloseable {

    /** One request as received: path and Range header (null when absent). */
    record Request(String path, String range) {
    }

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** How many upcoming responses to cut off after {@link #dropAfter} bytes. */
    final AtomicInteger drops = new AtomicInteger();
    volatile int dropAfter;
    volatile long stallMillis;

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    void serve(String path, byte[] content) {
        files.put(path, content);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String range = exchange.getRequestHeaders().getFirst("Range");
        requests.add(new Request(path, range));
        try (exchange) {
            if (stallMillis > 0) {
                sleep(stallMillis);
            }
            byte[] content = files.get(path);
            if (content == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            int start = 0;
            int status = 200;
            if (range != null && range.startsWith("bytes=") && range.endsWith("-")) {
                start = Integer.parseInt(range.substring(6, range.length() - 1));
                if (start >= content.length) {
                    exchange.sendResponseHeaders(416, -1);
                    return;
                }
                status = 206;
                exchange.getResponseHeaders().add("Content-Range",
                        "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
            }
            exchange.sendResponseHeaders(status, content.length - start);
            OutputStream out = exchange.getResponseBody();
            if (drops.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                out.write(content, start, Math.min(dropAfter, content.length - start));
                out.flush();
                throw new IOException("dropping the connection on purpose");
            }
            out.write(content, start, content.length - start);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
