package dev.model.docs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code model docs serve}: the JDK's HTTP server on one address, serving exactly three files of
 * the target directory (index.html, catalog.json, manifest.json). Any other path is a 404, so no
 * request can reach another file, whatever dots or encodings it carries. GET and HEAD only.
 */
public final class DocsServer implements AutoCloseable {

    private static final Map<String, String> FILES = Map.of(
            "/", DocsGenerator.INDEX,
            "/" + DocsGenerator.INDEX, DocsGenerator.INDEX,
            "/" + DocsGenerator.CATALOG, DocsGenerator.CATALOG,
            "/" + DocsGenerator.MANIFEST, DocsGenerator.MANIFEST);

    private final HttpServer server;

    private DocsServer(HttpServer server) {
        this.server = server;
    }

    /** Starts serving {@code targetDir} on {@code host:port} (port 0 picks a free one). */
    public static DocsServer start(Path targetDir, String host, int port) {
        if (!Files.isRegularFile(targetDir.resolve(DocsGenerator.INDEX))) {
            throw ModelException.usage("No docs to serve: " + targetDir.resolve(DocsGenerator.INDEX)
                    + " does not exist; run 'model docs generate' first");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new ModelException(ErrorCategory.USAGE, "Could not serve docs on " + host + ":" + port + ": "
                    + e.getMessage(), null, e);
        }
        server.createContext("/", exchange -> respond(exchange, targetDir));
        server.start();
        return new DocsServer(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        String host = server.getAddress().getHostString();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
    }

    private static void respond(HttpExchange exchange, Path targetDir) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "Method not allowed\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            // The raw path, not a decoded one: only the exact names match, so %2e%2e cannot either.
            String file = FILES.get(exchange.getRequestURI().getRawPath());
            Path path = file == null ? null : targetDir.resolve(file);
            if (path == null || !Files.isRegularFile(path)) {
                send(exchange, 404, "text/plain; charset=utf-8", "Not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String type = file.endsWith(".html") ? "text/html; charset=utf-8" : "application/json; charset=utf-8";
            send(exchange, 200, type, Files.readAllBytes(path));
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
