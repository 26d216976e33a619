package dev.model.adapter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * A second process holding a database file open, as another program would: {@link #start}
 * runs {@link #main} in a new JVM and returns once it holds the file; closing stdin ends it.
 */
public final class TestingLockHolder {

    private TestingLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0])) {
            connection.createStatement().execute("create table if not exists held (id integer)");
            System.out.println("LOCKED");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Hold the file until the test closes our stdin.
            }
        }
    }

    /** Starts the holder for {@code jdbcUrl}; the caller ends it with {@link #stop}. */
    public static Process start(String jdbcUrl) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                TestingLockHolder.class.getName(), jdbcUrl).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("LOCKED")) {
            // Skip JVM noise until the holder has the file.
        }
        if (line == null) {
            throw new IllegalStateException("the lock holder process ended before holding " + jdbcUrl);
        }
        return holder;
    }

    public static void stop(Process holder) throws IOException, InterruptedException {
        holder.getOutputStream().close();
        holder.waitFor();
    }
}
