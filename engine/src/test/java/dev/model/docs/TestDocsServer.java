package dev.model.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.error.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestDocsServer {

    @TempDir
    Path project;

    private Path target() throws IOException {
        Path target = Files.createDirectories(project.resolve("target"));
        Files.writeString(target.resolve("index.html"), "<!DOCTYPE html><title>docs</title>");
        Files.writeString(target.resolve("catalog.json"), "{\"nodes\": {}}");
        Files.writeString(target.resolve("manifest.json"), "{\"nodes\": {}}");
        Files.writeString(target.resolve("run_results.json"), "{\"secret\": true}");
        Files.writeString(project.resolve("profiles.yml"), "password: hunter2");
        return target;
    }

    @Test
    void servesTheSiteFilesOnLocalhost() throws Exception {
        try (DocsServer server = DocsServer.start(target(), "127.0.0.1", 0)) {
            assertTrue(server.url().startsWith("http://127.0.0.1:"), server.url());
            assertEquals("200 text/html; charset=utf-8 <!DOCTYPE html><title>docs</title>", get(server, "/"));
            assertEquals("200 text/html; charset=utf-8 <!DOCTYPE html><title>docs</title>", get(server, "/index.html"));
            assertEquals("200 application/json; charset=utf-8 {\"nodes\": {}}", get(server, "/catalog.json"));
            assertEquals("200 application/json; charset=utf-8 {\"nodes\": {}}", get(server, "/manifest.json"));
        }
    }

    @Test
    void servesNothingElseWhateverThePath() throws Exception {
        try (DocsServer server = DocsServer.start(target(), "127.0.0.1", 0)) {
            for (String path : new String[] {"/run_results.json", "/../profiles.yml", "/%2e%2e/profiles.yml",
                    "/..%2fprofiles.yml", "/%2E%2E%2Fprofiles.yml", "/compiled/", "/index.html/../../profiles.yml",
                    "/./index.html", "//etc/passwd", "/index.html%00", "/catalog.json?x=1/../../profiles.yml"}) {
                String response = raw(server, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
                boolean notFound = response.startsWith("HTTP/1.1 404") || response.startsWith("HTTP/1.1 400");
                boolean sameFile = path.startsWith("/catalog.json?") && response.contains("{\"nodes\": {}}");
                assertTrue(notFound || sameFile, path + " -> " + response.lines().findFirst().orElse(""));
                assertTrue(!response.contains("hunter2") && !response.contains("secret"), path + " leaked a file");
            }
        }
    }

    @Test
    void onlyReads() throws Exception {
        try (DocsServer server = DocsServer.start(target(), "127.0.0.1", 0)) {
            String response = raw(server, "PUT /index.html HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n"
                    + "Connection: close\r\n\r\nhi");
            assertTrue(response.startsWith("HTTP/1.1 405"), response);
            assertEquals("<!DOCTYPE html><title>docs</title>", Files.readString(project.resolve("target/index.html")));
        }
    }

    @Test
    void withoutGeneratedDocsItSaysWhatToRun() {
        ModelException error = org.junit.jupiter.api.Assertions.assertThrows(ModelException.class,
                () -> DocsServer.start(project.resolve("target"), "127.0.0.1", 0));
        assertTrue(error.getMessage().startsWith("No docs to serve: "), error.getMessage());
        assertTrue(error.getMessage().endsWith("index.html does not exist; run 'model docs generate' first"),
                error.getMessage());
    }

    @Test
    void aPortInUseIsAClearError() throws Exception {
        try (DocsServer first = DocsServer.start(target(), "127.0.0.1", 0)) {
            ModelException error = org.junit.jupiter.api.Assertions.assertThrows(ModelException.class,
                    () -> DocsServer.start(project.resolve("target"), "127.0.0.1", first.port()));
            assertTrue(error.getMessage().startsWith("Could not serve docs on 127.0.0.1:" + first.port() + ": "),
                    error.getMessage());
        }
    }

    private static String get(DocsServer server, String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(server.url() + path.substring(1)).toURL()
                .openConnection();
        try (InputStream in = connection.getInputStream()) {
            return connection.getResponseCode() + " " + connection.getContentType() + " "
                    + new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }

    /** A request written byte for byte, so that no client normalises the path first. */
    private static String raw(DocsServer server, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
