package dev.anchorsweep.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * One writer per results folder: {@code <root>/_lock}, a properties file naming the holder's host, pid, start and
 * last heartbeat, created only if absent (an exclusive create on a local disk and on HDFS). While held, a daemon thread
 * refreshes the heartbeat every {@link #HEARTBEAT}; {@link #close()} (also run by a shutdown hook, e.g. on Ctrl-C)
 * removes it. A lock whose holder is gone — a dead pid on this host, or no heartbeat for {@link #STALE} — is taken over
 * with a warning; a live one makes {@link #acquire} throw {@link ResultsFolderException}.
 */
public final class ResultsLock implements AutoCloseable {

    public static final Duration HEARTBEAT = Duration.ofSeconds(10);
    public static final Duration STALE = Duration.ofSeconds(60);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /** What a lock file says. */
    public record Holder(String host, long pid, Instant startedAt, Instant heartbeatAt, String token) {

        /** The lock file's content. */
        public String text() {
            return "host=" + host + "\npid=" + pid + "\nstarted_at=" + startedAt + "\nheartbeat_at=" + heartbeatAt
                    + "\ntoken=" + token + "\n";
        }

        static Holder parse(String text) throws IOException {
            Properties p = new Properties();
            p.load(new StringReader(text));
            try {
                return new Holder(p.getProperty("host"), Long.parseLong(p.getProperty("pid")),
                        Instant.parse(p.getProperty("started_at")), Instant.parse(p.getProperty("heartbeat_at")),
                        p.getProperty("token"));
            } catch (RuntimeException e) {
                throw new IOException("not a complete lock file: " + text.strip().replace('\n', ' '), e);
            }
        }
    }

    private final FileSystem fs;
    private final Path file;
    private final String folder;
    private final Holder mine;
    private final Thread heartbeat;
    private final Thread shutdownHook;
    private volatile boolean held = true;

    private ResultsLock(FileSystem fs, Path file, String folder, Holder mine) {
        this.fs = fs;
        this.file = file;
        this.folder = folder;
        this.mine = mine;
        this.heartbeat = new Thread(this::beat, "results-lock-heartbeat");
        heartbeat.setDaemon(true);
        heartbeat.start();
        this.shutdownHook = new Thread(this::release, "results-lock-release");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Takes the folder's lock, taking over a stale one (with a line on {@code warn}).
     *
     * @throws ResultsFolderException when another live writer holds it
     */
    public static ResultsLock acquire(String root, Configuration conf, Consumer<String> warn) throws IOException {
        Path rootPath = new Path(root);
        FileSystem shared = FileSystem.get(rootPath.toUri(), conf);
        FileSystem fs = shared instanceof LocalFileSystem local ? local.getRawFileSystem() : shared;
        Path file = new Path(shared.makeQualified(rootPath), "_lock");
        fs.mkdirs(file.getParent());
        Instant now = Instant.now();
        Holder mine = new Holder(host(), ProcessHandle.current().pid(), now, now, UUID.randomUUID().toString());
        for (int tries = 0; tries < 3; tries++) {
            if (createIfAbsent(fs, file, mine.text())) return new ResultsLock(fs, file, root, mine);
            Holder holder = readHolder(fs, file);
            if (holder == null) continue; // released meanwhile
            String stale = staleness(holder, Instant.now());
            if (stale == null) {
                throw new ResultsFolderException("results folder " + root + " is being written by pid " + holder.pid()
                        + " on host " + holder.host() + " since " + CLOCK.format(holder.startedAt()) + " (heartbeat "
                        + ago(holder.heartbeatAt(), Instant.now()) + " ago); wait for it or stop it");
            }
            warn.accept("warning: taking over the lock of results folder " + root + " from pid " + holder.pid() + " on host "
                    + holder.host() + " (since " + CLOCK.format(holder.startedAt()) + "): " + stale);
            fs.delete(file, false);
        }
        throw new ResultsFolderException("results folder " + root + ": could not take its lock " + file
                + " (another writer keeps taking it); try again");
    }

    /** Why the holder is gone, or null while it may be alive. */
    static String staleness(Holder holder, Instant now) {
        if (holder.host().equals(host()) && ProcessHandle.of(holder.pid()).map(p -> !p.isAlive()).orElse(true)) {
            return "pid " + holder.pid() + " is no longer running";
        }
        Duration silent = Duration.between(holder.heartbeatAt(), now);
        if (silent.compareTo(STALE) > 0) return "no heartbeat for " + ago(holder.heartbeatAt(), now);
        return null;
    }

    private static String ago(Instant then, Instant now) {
        long s = Math.max(0, Duration.between(then, now).toSeconds());
        return s < 120 ? s + " s" : s / 60 + " min";
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The lock's holder, or null when there is no lock file; an unreadable file reads as a holder silent since its mtime. */
    static Holder readHolder(FileSystem fs, Path file) throws IOException {
        for (int tries = 0; ; tries++) {
            String text;
            try (InputStream in = fs.open(file)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.FileNotFoundException e) {
                return null;
            }
            try {
                return Holder.parse(text);
            } catch (IOException e) {
                if (tries >= 3) {
                    Instant modified = Instant.ofEpochMilli(fs.getFileStatus(file).getModificationTime());
                    return new Holder("unknown", -1, modified, modified, "");
                }
                sleep(100);
            }
        }
    }

    private static boolean createIfAbsent(FileSystem fs, Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (fs instanceof RawLocalFileSystem) { // Hadoop's local create checks, then creates: not exclusive
            try {
                Files.write(java.nio.file.Path.of(URI.create("file://" + file.toUri().getPath())), bytes,
                        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            }
        }
        try (OutputStream out = fs.create(file, false)) {
            out.write(bytes);
            return true;
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        }
    }

    private void beat() {
        while (held) {
            sleep(HEARTBEAT.toMillis());
            if (!held) return;
            try {
                Holder now = readHolder(fs, file);
                if (now == null || !mine.token().equals(now.token())) {
                    System.err.println("warning: the lock of results folder " + folder + " was taken by "
                            + (now == null ? "nobody (removed)" : "pid " + now.pid() + " on host " + now.host()));
                    return;
                }
                write(new Holder(mine.host(), mine.pid(), mine.startedAt(), Instant.now(), mine.token()).text());
            } catch (IOException e) {
                // a missed heartbeat; the next one tries again
            }
        }
    }

    private void write(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (fs instanceof RawLocalFileSystem) {
            java.nio.file.Path target = java.nio.file.Path.of(URI.create("file://" + file.toUri().getPath()));
            java.nio.file.Path temp = target.resolveSibling("_lock." + mine.token() + ".tmp");
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (OutputStream out = fs.create(file, true)) {
            out.write(bytes);
        }
    }

    /** Removes the lock file if it is still this writer's. */
    private synchronized void release() {
        if (!held) return;
        held = false;
        heartbeat.interrupt();
        try {
            Holder now = readHolder(fs, file);
            if (now != null && mine.token().equals(now.token())) fs.delete(file, false);
        } catch (IOException e) {
            // a lock left behind is taken over once stale
        }
    }

    @Override
    public void close() {
        release();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs (or ran) release
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
