package dev.newsbatch.internal.store;

import dev.newsbatch.internal.Checks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;

/**
 * The crash-safe record of every run, request file, batch job and item: an SQLite database
 * ({@code ledger.db} in the batch directory, WAL mode). Every step is written before and after each
 * remote call, so a process killed at any point can resume without submitting anything twice.
 * Several processes may open the same ledger; writes are serialised by SQLite.
 *
 * <pre>{@code
 * try (Ledger ledger = Ledger.open(Path.of("batch_jobs"))) {
 *     ledger.runs().forEach(System.out::println);
 * }
 * }</pre>
 */
public final class Ledger implements AutoCloseable {
    /** The file name of the ledger inside the batch directory. */
    public static final String FILE_NAME = "ledger.db";

    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS runs(
          run_id TEXT PRIMARY KEY, name TEXT NOT NULL, mode TEXT NOT NULL, model TEXT NOT NULL,
          settings TEXT NOT NULL, state TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS items(
          run_id TEXT NOT NULL, key TEXT NOT NULL, article_id TEXT NOT NULL, title TEXT, url TEXT,
          content_hash TEXT, chunk INTEGER NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
          job_name TEXT, result TEXT, error_kind TEXT, error TEXT, input_tokens INTEGER, output_tokens INTEGER,
          est_tokens INTEGER, updated_at TEXT NOT NULL, thinking_tokens INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY(run_id, key))""",
        "CREATE INDEX IF NOT EXISTS items_by_state ON items(run_id, state)",
        """
        CREATE TABLE IF NOT EXISTS jobs(
          run_id TEXT NOT NULL, chunk INTEGER NOT NULL, attempt INTEGER NOT NULL, request_file TEXT NOT NULL,
          file_id TEXT NOT NULL, file_name TEXT, display_name TEXT NOT NULL UNIQUE, job_name TEXT,
          step TEXT NOT NULL, job_state TEXT, items INTEGER NOT NULL, est_tokens INTEGER NOT NULL,
          completed INTEGER NOT NULL DEFAULT -1, result_file TEXT, error TEXT,
          created_at TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY(run_id, chunk, attempt))""",
        "CREATE INDEX IF NOT EXISTS jobs_by_name ON jobs(job_name)",
        """
        CREATE TABLE IF NOT EXISTS daily_usage(
          day TEXT NOT NULL, scope TEXT NOT NULL, used INTEGER NOT NULL, PRIMARY KEY(day, scope))""",
    };

    /**
     * SQLite's page cache of a ledger, in KiB (native memory, not the Java heap): a prepare of a million
     * articles inserts into two B-trees that outgrow SQLite's default 2 MB, and every page evicted and read
     * back is written to the log once more.
     */
    private static final int CACHE_KIB = 32 * 1024;
    /**
     * The write-ahead log's size, in 4 KiB pages, at which a commit copies it into the database. Each copy
     * ends with an fsync, which waits for whatever else the disk is writing (a prepare's request files):
     * 64 MB between copies instead of SQLite's 4 MB makes a large prepare wait a few times, not a hundred.
     * Commits themselves do not sync (synchronous=NORMAL, as before).
     */
    private static final int CHECKPOINT_PAGES = 16_384;
    /** How long a statement waits for another connection's lock before failing. */
    private static final int BUSY_TIMEOUT_MS = 30_000;

    private final Path file;
    private final Connection db;
    /** The statement of {@link #hasItem}, prepared on first use. */
    private PreparedStatement hasItem;

    private Ledger(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /**
     * Opens (creating if needed) the ledger in {@code batchDir}.
     *
     * @throws LedgerException if the database cannot be created or opened
     */
    public static Ledger open(Path batchDir) {
        Checks.notNull(batchDir, "batchDir");
        Path file = batchDir.resolve(FILE_NAME);
        if (Files.exists(batchDir) && !Files.isDirectory(batchDir)) {
            throw new IllegalArgumentException("the batch directory " + batchDir + " is a file, not a directory; "
                    + "name a directory (it is created when missing)");
        }
        if (Files.isDirectory(file)) {
            throw new LedgerException("cannot open the ledger " + file + ": it is a directory; move it aside", null);
        }
        try {
            Files.createDirectories(batchDir);
            SQLiteConfig config = new SQLiteConfig();
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.setBusyTimeout(BUSY_TIMEOUT_MS);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            config.setCacheSize(-CACHE_KIB);
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            try {
                useWal(db);
                try (Statement s = db.createStatement()) {
                    s.execute("PRAGMA wal_autocheckpoint=" + CHECKPOINT_PAGES);
                }
                createSchema(db);
            } catch (SQLException e) {
                db.close();
                throw e;
            }
            return new Ledger(file, db);
        } catch (SQLException e) {
            if (e.getErrorCode() == 26 || String.valueOf(e.getMessage()).contains("SQLITE_NOTADB")
                    || e.getErrorCode() == 11 || String.valueOf(e.getMessage()).contains("SQLITE_CORRUPT")) {
                throw new LedgerException("the ledger " + file + " is not a readable SQLite database (damaged, or "
                        + "another file by that name); move it aside to start an empty ledger, or restore it from a "
                        + "backup", e);
            }
            throw new LedgerException("cannot open the ledger " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new LedgerException("cannot open the ledger " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates or upgrades the tables in one write transaction, begun IMMEDIATE so that processes opening the
     * same ledger at once wait their turn (the busy timeout) instead of failing on a read-to-write upgrade.
     */
    private static void createSchema(Connection db) throws SQLException {
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            for (String ddl : SCHEMA) {
                s.execute(ddl);
            }
            addColumn(s, "items", "thinking_tokens", "INTEGER NOT NULL DEFAULT 0");
            addColumn(s, "jobs", "gemini_created_at", "TEXT");
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    /**
     * Switches a new database to write-ahead logging. SQLite answers a connection that switches while another
     * connection is creating the same file with SQLITE_BUSY at once, without waiting the busy timeout, so the
     * switch is retried (with a growing pause) for as long as the busy timeout would have waited.
     */
    private static void useWal(Connection db) throws SQLException {
        long deadline = System.nanoTime() + BUSY_TIMEOUT_MS * 1_000_000L;
        long pauseMs = 1;
        while (true) {
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                return;
            } catch (SQLException e) {
                boolean busy = e.getErrorCode() == 5 || String.valueOf(e.getMessage()).contains("SQLITE_BUSY");
                if (!busy || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pauseMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while opening the ledger", e);
            }
            pauseMs = Math.min(pauseMs * 2, 50);
        }
    }

    /** Adds a column that ledgers written by older versions lack. */
    private static void addColumn(Statement s, String table, String column, String type) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                if (column.equals(rs.getString("name"))) {
                    return;
                }
            }
        }
        try {
            s.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " " + type);
        } catch (SQLException e) {
            if (!String.valueOf(e.getMessage()).contains("duplicate column")) {
                throw e;   // another process added it first: fine
            }
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** The batch directory the ledger lives in. */
    public Path directory() {
        return file.getParent();
    }

    // ---------------------------------------------------------------- runs

    /** Records a new run, or returns the existing one with the same id. */
    public synchronized RunRecord createRun(String runId, dev.newsbatch.RunConfig config) {
        Optional<RunRecord> existing = run(runId);
        if (existing.isPresent()) {
            return existing.get();
        }
        String now = now();
        update("INSERT INTO runs(run_id,name,mode,model,settings,state,created_at,updated_at) VALUES(?,?,?,?,?,?,?,?)",
                runId, config.name() == null ? runId : config.name(),
                config.mode().name().toLowerCase(java.util.Locale.ROOT), config.model(), StoredConfig.write(config),
                RunState.ACTIVE.name(), now, now);
        return run(runId).orElseThrow();
    }

    /** The run with this id, if recorded. */
    public synchronized Optional<RunRecord> run(String runId) {
        List<RunRecord> rows = query("SELECT * FROM runs WHERE run_id=?", Ledger::runRow, runId);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** All runs, newest first. */
    public synchronized List<RunRecord> runs() {
        return query("SELECT * FROM runs ORDER BY created_at DESC, run_id", Ledger::runRow);
    }

    /**
     * Marks a run's overall state. A cancelled run stays cancelled: its jobs settling afterwards
     * do not make it {@code DONE}.
     */
    public synchronized void runState(String runId, RunState state) {
        update("UPDATE runs SET state=?, updated_at=? WHERE run_id=? AND state<>'CANCELLED'", state.name(), now(),
                runId);
    }

    // ---------------------------------------------------------------- items

    /** Records items of a run in one transaction; items already recorded are left as they are. */
    public synchronized void addItems(String runId, List<ItemRecord> items) {
        transaction(() -> {
            try (PreparedStatement p = db.prepareStatement("INSERT OR IGNORE INTO items(run_id,key,article_id,"
                    + "title,url,content_hash,chunk,state,attempts,est_tokens,error_kind,error,updated_at) "
                    + "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                String now = now();
                for (ItemRecord i : items) {
                    bind(p, runId, i.key(), i.articleId(), i.title(), i.url(), i.contentHash(), i.chunk(),
                            i.state().name(), i.attempts(), i.estTokens(), i.errorKind(), i.error(), now);
                    p.addBatch();
                }
                p.executeBatch();
            }
        });
    }

    /** Items of a run, optionally only those in {@code state} (null for all), in key order. */
    public synchronized List<ItemRecord> items(String runId, ItemState state) {
        return state == null
                ? query("SELECT * FROM items WHERE run_id=? ORDER BY chunk, key", Ledger::itemRow, runId)
                : query("SELECT * FROM items WHERE run_id=? AND state=? ORDER BY chunk, key", Ledger::itemRow,
                        runId, state.name());
    }

    /** The keys of a batch's items still waiting for an outcome (state SUBMITTED). */
    public synchronized java.util.Set<String> openKeys(String runId, int chunk) {
        return new java.util.HashSet<>(query("SELECT key FROM items WHERE run_id=? AND chunk=? AND state='SUBMITTED'",
                rs -> rs.getString(1), runId, chunk));
    }

    /** Streams the items of a run to {@code sink} without holding them all. */
    public synchronized void forEachItem(String runId, Consumer<ItemRecord> sink) {
        try (PreparedStatement p = db.prepareStatement("SELECT * FROM items WHERE run_id=? ORDER BY chunk, key")) {
            bind(p, runId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    sink.accept(itemRow(rs));
                }
            }
        } catch (SQLException e) {
            throw failure("read items of " + runId, e);
        }
    }

    /** Counts of items by state for a run. */
    public synchronized ItemCounts itemCounts(String runId) {
        long[] c = new long[4];
        query("SELECT state, COUNT(*) FROM items WHERE run_id=? GROUP BY state", rs -> {
            long n = rs.getLong(2);
            switch (ItemState.valueOf(rs.getString(1))) {
                case DONE -> c[0] += n;
                case FAILED -> c[1] += n;
                case SUBMITTED -> c[2] += n;
                case PENDING -> c[3] += n;
            }
            return null;
        }, runId);
        return new ItemCounts(c[0], c[1], c[2], c[3]);
    }

    /** Stores outcomes of items in one transaction (results of a job or of real-time calls). */
    public synchronized void recordOutcomes(String runId, List<ItemOutcomeRecord> outcomes) {
        transaction(() -> {
            try (PreparedStatement p = db.prepareStatement("UPDATE items SET state=?, result=?, error_kind=?, "
                    + "error=?, input_tokens=?, output_tokens=?, thinking_tokens=?, job_name=COALESCE(?, job_name), "
                    + "updated_at=? WHERE run_id=? AND key=?")) {
                String now = now();
                for (ItemOutcomeRecord o : outcomes) {
                    bind(p, (o.error() == null ? ItemState.DONE : ItemState.FAILED).name(), o.result(), o.errorKind(), o.error(),
                            o.inputTokens(), o.outputTokens(), o.thinkingTokens(), o.jobName(), now, runId, o.key());
                    p.addBatch();
                }
                p.executeBatch();
            }
        });
    }

    // ---------------------------------------------------------------- jobs

    /**
     * Records a prepared request file as a job to submit together with its items, atomically: either
     * both the job and its items' assignment are stored, or neither. Items already recorded (a
     * resubmission) are moved to the job and count one more attempt.
     */
    public synchronized void addJob(JobRecord job, List<ItemRecord> items) {
        transaction(() -> {
            String now = now();
            update("INSERT INTO jobs(run_id,chunk,attempt,request_file,file_id,display_name,step,items,est_tokens,"
                            + "created_at,updated_at) VALUES(?,?,?,?,?,?,?,?,?,?,?)",
                    job.runId(), job.chunk(), job.attempt(), job.requestFile(), job.fileId(), job.displayName(),
                    JobRecord.Step.PREPARED.name(), job.items(), job.estTokens(), now, now);
            try (PreparedStatement p = db.prepareStatement("INSERT INTO items(run_id,key,article_id,title,url,"
                    + "content_hash,chunk,state,attempts,est_tokens,updated_at) VALUES(?,?,?,?,?,?,?,'SUBMITTED',1,?,?) "
                    + "ON CONFLICT(run_id,key) DO UPDATE SET state='SUBMITTED', chunk=excluded.chunk, "
                    + "attempts=attempts+1, error_kind=NULL, error=NULL, updated_at=excluded.updated_at")) {
                for (ItemRecord i : items) {
                    bind(p, job.runId(), i.key(), i.articleId(), i.title(), i.url(), i.contentHash(), job.chunk(),
                            i.estTokens(), now);
                    p.addBatch();
                }
                p.executeBatch();
            }
        });
    }

    /** Counts one more attempt for each of {@code keys} and moves them back to SUBMITTED, in one transaction. */
    public synchronized void bumpAttempts(String runId, java.util.Collection<String> keys) {
        transaction(() -> {
            try (PreparedStatement p = db.prepareStatement("UPDATE items SET state='SUBMITTED', attempts=attempts+1, "
                    + "error_kind=NULL, error=NULL, updated_at=? WHERE run_id=? AND key=?")) {
                String now = now();
                for (String k : keys) {
                    bind(p, now, runId, k);
                    p.addBatch();
                }
                p.executeBatch();
            }
        });
    }

    /** The content hash of each item of a run already recorded, by key (null for items without content). */
    public synchronized java.util.Map<String, String> itemHashes(String runId) {
        java.util.Map<String, String> hashes = new java.util.HashMap<>();
        query("SELECT key, content_hash FROM items WHERE run_id=?", rs -> hashes.put(rs.getString(1), rs.getString(2)),
                runId);
        return hashes;
    }

    /** Streams the keys of a run's items already recorded (any state) to {@code sink}, without holding them. */
    public synchronized void forEachItemKey(String runId, Consumer<String> sink) {
        try (PreparedStatement p = db.prepareStatement("SELECT key FROM items WHERE run_id=?")) {
            bind(p, runId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    sink.accept(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw failure("read item keys of " + runId, e);
        }
    }

    /**
     * True when the run has an item with this key (any state). The statement is prepared once per ledger: a
     * prepare that meets every article again (a resumed one) asks this for each.
     */
    public synchronized boolean hasItem(String runId, String key) {
        try {
            if (hasItem == null) {
                hasItem = db.prepareStatement("SELECT 1 FROM items WHERE run_id=? AND key=?");
            }
            bind(hasItem, runId, key);
            try (ResultSet rs = hasItem.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** Marks every item of a job that has no outcome yet as failed with {@code errorKind}. */
    public synchronized int failOpenItems(String runId, int chunk, String errorKind, String error, String jobName) {
        try (PreparedStatement p = db.prepareStatement("UPDATE items SET state='FAILED', error_kind=?, error=?, "
                + "job_name=COALESCE(?, job_name), updated_at=? WHERE run_id=? AND chunk=? AND state='SUBMITTED'")) {
            bind(p, errorKind, error, jobName, now(), runId, chunk);
            return p.executeUpdate();
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    /** The highest chunk number used in a run, or -1. */
    public synchronized int maxChunk(String runId) {
        List<Integer> rows = query("SELECT COALESCE(MAX(chunk), -1) FROM jobs WHERE run_id=?", rs -> rs.getInt(1), runId);
        return rows.get(0);
    }

    /** All jobs of a run in chunk and attempt order. */
    public synchronized List<JobRecord> jobs(String runId) {
        return query("SELECT * FROM jobs WHERE run_id=? ORDER BY chunk, attempt", Ledger::jobRow, runId);
    }

    /**
     * The run's jobs, oldest first: {@link #allJobs()}'s order reversed, read with the run's index
     * instead of every row.
     */
    public synchronized List<JobRecord> jobsOldestFirst(String runId) {
        return query("SELECT * FROM jobs WHERE run_id=? ORDER BY created_at, chunk DESC, attempt DESC", Ledger::jobRow,
                runId);
    }

    /** Every job of every run, newest first. */
    public synchronized List<JobRecord> allJobs() {
        return query("SELECT * FROM jobs ORDER BY created_at DESC, run_id, chunk, attempt", Ledger::jobRow);
    }

    /** The job with this Gemini name, if recorded. */
    public synchronized Optional<JobRecord> jobByName(String jobName) {
        List<JobRecord> rows = query("SELECT * FROM jobs WHERE job_name=?", Ledger::jobRow, jobName);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Saves a job's new step and fields. */
    public synchronized void saveJob(JobRecord job) {
        update("UPDATE jobs SET file_name=?, job_name=?, step=?, job_state=?, completed=?, result_file=?, error=?, "
                        + "updated_at=? WHERE run_id=? AND chunk=? AND attempt=?",
                job.fileName(), job.jobName(), job.step().name(), job.jobState(), job.completed(), job.resultFile(),
                job.error(), now(), job.runId(), job.chunk(), job.attempt());
    }

    /**
     * Records when Gemini says it created the job ({@code createTime}), the one creation time that
     * {@code list} and {@code status} show; the row's own write time stays for jobs never created.
     */
    public synchronized void jobCreatedAt(String runId, int chunk, int attempt, Instant geminiCreateTime) {
        if (geminiCreateTime != null) {
            update("UPDATE jobs SET gemini_created_at=? WHERE run_id=? AND chunk=? AND attempt=?",
                    geminiCreateTime.toString(), runId, chunk, attempt);
        }
    }

    /**
     * Saves a job's new step and fields only if the ledger still has it at step {@code from}: an observer
     * holding an old copy (a status request racing the process that drives the run) cannot move a job
     * back. Returns false, changing nothing, when the job has moved on.
     */
    public synchronized boolean saveJobIf(JobRecord job, JobRecord.Step from) {
        try (PreparedStatement p = db.prepareStatement("UPDATE jobs SET file_name=?, job_name=?, step=?, "
                + "job_state=?, completed=?, result_file=?, error=?, updated_at=? WHERE run_id=? AND chunk=? "
                + "AND attempt=? AND step=?")) {
            bind(p, job.fileName(), job.jobName(), job.step().name(), job.jobState(), job.completed(),
                    job.resultFile(), job.error(), now(), job.runId(), job.chunk(), job.attempt(), from.name());
            return p.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    /** Re-reads one job. */
    public synchronized JobRecord job(String runId, int chunk, int attempt) {
        return query("SELECT * FROM jobs WHERE run_id=? AND chunk=? AND attempt=?", Ledger::jobRow,
                runId, chunk, attempt).get(0);
    }

    // ---------------------------------------------------------------- daily usage

    /** How many units of {@code scope} were used on {@code day}. */
    public synchronized int usedOn(LocalDate day, String scope) {
        List<Integer> rows = query("SELECT used FROM daily_usage WHERE day=? AND scope=?",
                rs -> rs.getInt(1), day.toString(), scope);
        return rows.isEmpty() ? 0 : rows.get(0);
    }

    /** Takes one unit of {@code scope} on {@code day} if fewer than {@code cap} were used; atomic. */
    public synchronized boolean tryAcquire(LocalDate day, String scope, int cap) {
        boolean[] ok = {false};
        transaction(() -> {
            int used = usedOn(day, scope);
            if (used < cap) {
                update("INSERT INTO daily_usage(day,scope,used) VALUES(?,?,1) "
                        + "ON CONFLICT(day,scope) DO UPDATE SET used=used+1", day.toString(), scope);
                ok[0] = true;
            }
        });
        return ok[0];
    }

    /** Gives back one unit of {@code scope} taken on {@code day} (never below zero). */
    public synchronized void release(LocalDate day, String scope) {
        update("UPDATE daily_usage SET used=used-1 WHERE day=? AND scope=? AND used>0", day.toString(), scope);
    }

    @Override
    public synchronized void close() {
        try {
            if (hasItem != null) {
                hasItem.close();
            }
            db.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }

    @Override
    public String toString() {
        return "Ledger[" + file + "]";
    }

    // ---------------------------------------------------------------- plumbing

    private interface SqlBody {
        void run() throws SQLException;
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private void transaction(SqlBody body) {
        try {
            boolean outer = db.getAutoCommit();
            if (!outer) {
                body.run();
                return;
            }
            db.setAutoCommit(false);
            try {
                body.run();
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    private void update(String sql, Object... args) {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            bind(p, args);
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    private <T> List<T> query(String sql, Row<T> row, Object... args) {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            bind(p, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    private static void bind(PreparedStatement p, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            p.setObject(i + 1, args[i]);
        }
    }

    private LedgerException failure(String what, SQLException e) {
        return new LedgerException("ledger " + file + ": cannot " + what + ": " + e.getMessage(), e);
    }

    private static String now() {
        return Instant.now().toString();
    }

    private static RunRecord runRow(ResultSet rs) throws SQLException {
        return new RunRecord(rs.getString("run_id"), rs.getString("name"), rs.getString("mode"),
                rs.getString("model"), rs.getString("settings"), RunState.valueOf(rs.getString("state")),
                Instant.parse(rs.getString("created_at")), Instant.parse(rs.getString("updated_at")));
    }

    private static ItemRecord itemRow(ResultSet rs) throws SQLException {
        return new ItemRecord(rs.getString("key"), rs.getString("article_id"), rs.getString("title"),
                rs.getString("url"), rs.getString("content_hash"), rs.getInt("chunk"), ItemState.valueOf(rs.getString("state")),
                rs.getInt("attempts"), rs.getString("job_name"), rs.getString("result"), rs.getString("error_kind"),
                rs.getString("error"), rs.getLong("input_tokens"), rs.getLong("output_tokens"),
                rs.getLong("est_tokens"), rs.getLong("thinking_tokens"));
    }

    private static JobRecord jobRow(ResultSet rs) throws SQLException {
        return new JobRecord(rs.getString("run_id"), rs.getInt("chunk"), rs.getInt("attempt"),
                rs.getString("request_file"), rs.getString("file_id"), rs.getString("file_name"),
                rs.getString("display_name"), rs.getString("job_name"), JobRecord.Step.valueOf(rs.getString("step")),
                rs.getString("job_state"), rs.getInt("items"), rs.getLong("est_tokens"), rs.getLong("completed"),
                rs.getString("result_file"), rs.getString("error"),
                Instant.parse(Objects.requireNonNullElse(rs.getString("gemini_created_at"), rs.getString("created_at"))),
                Instant.parse(rs.getString("updated_at")));
    }
}
