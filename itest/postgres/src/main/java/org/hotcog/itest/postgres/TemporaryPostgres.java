package org.hotcog.itest.postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL server of its own for a test: a new cluster in a temporary folder, on a free port
 * of the loopback address, stopped and deleted by {@link #close()}. Uses Debian's server binaries
 * ({@code .ci/install-postgres.sh} installs them); as root, the server runs as the {@code postgres}
 * user, since PostgreSQL refuses to run as root.
 */
public final class TemporaryPostgres implements AutoCloseable {
    /** The database user, a superuser that the server trusts on its loopback address. */
    public static final String USER = "postgres";
    private final Path bin;
    private final Path dir;
    private final int port;

    public TemporaryPostgres() throws IOException, InterruptedException {
        bin = serverBinaries();
        dir = Files.createTempDirectory("postgres-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        if (asRoot()) {
            run("chown", "postgres:postgres", dir.toString());
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server("initdb", "-D", dir.resolve("data").toString(), "-U", USER, "--auth=trust", "-E", "UTF8");
        server("pg_ctl", "-D", dir.resolve("data").toString(), "-w", "-l", dir.resolve("log").toString(), "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    /** The JDBC URL of the server's {@code postgres} database, whose user {@value #USER} needs no password. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** A data source of the server's {@code postgres} database; each one opens its own connections. */
    public DataSource dataSource() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(jdbcUrl());
        source.setUser(USER);
        return source;
    }

    /**
     * Runs an SQL script of plain statements separated by semicolons, such as a bundle's migration.
     *
     * @param resource the script, a resource of the caller's class path
     */
    public void runScript(String resource) throws IOException, SQLException {
        String script;
        try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource.replaceFirst("^/",
                ""))) {
            if (in == null) {
                throw new IOException("no resource " + resource);
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String statement : script.replaceAll("(?m)--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            server("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void server(String program, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        run(command.toArray(String[]::new));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The newest installed server's binaries. */
    private static Path serverBinaries() throws IOException {
        Path installed = Path.of("/usr/lib/postgresql");
        List<Path> versions = new ArrayList<>();
        if (Files.isDirectory(installed)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(installed)) {
                entries.forEach(versions::add);
            }
        }
        return versions.stream().map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll(
                        "\\D", "0"))))
                .orElseThrow(() -> new IOException("no PostgreSQL server under /usr/lib/postgresql: run "
                        + ".ci/install-postgres.sh (Debian's postgresql package)"));
    }
}
