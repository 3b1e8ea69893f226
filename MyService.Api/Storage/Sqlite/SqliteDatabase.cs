using Microsoft.Data.Sqlite;

namespace MyService.Api.Storage.Sqlite;

/// <summary>
/// The database file: pooled connections for reads and one writer, because SQLite has one writer and queueing
/// writes here beats contending on the file lock (no "database is locked" under load). The writer commits
/// queued writes in groups (<see cref="SqliteWriteQueue"/>), each write isolated in its own savepoint. The request
/// paths read and write through sessions that keep their statements prepared (<see cref="SqliteSession"/>).
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    // WAL lets readers run beside the writer; NORMAL is durable across process crashes in WAL mode and skips an
    // fsync per commit (a power loss may lose the last commits, which an ECS task on EFS accepts). No automatic
    // checkpoint on the writer: SqliteCheckpointer runs them on its own connection, off the write path; the WAL file
    // is truncated back to 64 MiB when SQLite starts it over.
    internal const string WriterPragmas = "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; " +
        "PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = 67108864;";

    private readonly SqliteWriteQueue _writes;
    private readonly SqliteReaderPool _readers;

    /// <summary>
    /// SQLite's multi-thread mode instead of the bundle's default, serialized: every connection here (the writer's
    /// session, a rented reader, a Microsoft.Data.Sqlite connection) is used by one caller at a time, which is what
    /// multi-thread mode requires, and serialized mode would lock and unlock the connection's mutex around every call,
    /// each column of each row included. It must precede the first connection in the process; if something opened
    /// one earlier, SQLite answers SQLITE_MISUSE and stays serialized, which is slower but just as correct.
    /// </summary>
    static SqliteDatabase()
    {
        SQLitePCL.Batteries_V2.Init();
        _ = SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MULTITHREAD);
    }

    public SqliteDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 5 };
        ConnectionString = builder.ToString();
        FilePath = builder.DataSource;
        _writes = new SqliteWriteQueue(ConnectionString, Commits);
        _readers = new SqliteReaderPool(ConnectionString);
    }

    public string ConnectionString { get; }

    /// <summary>Pulsed after every commit of the writer: wakes the change feed's waiting readers.</summary>
    public CommitSignal Commits { get; } = new();

    public string FilePath { get; }

    /// <summary>A connection of its own, for occasional work (health, migrations); dispose it when done.</summary>
    public async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>A read session with its prepared statements, for the request paths; disposing it returns it to the pool.</summary>
    public SqliteSession RentReader() => _readers.Rent();

    /// <summary>
    /// Runs <paramref name="work"/> on the writer inside a transaction; it returns once that transaction committed.
    /// An exception from <paramref name="work"/> undoes only its own changes and is rethrown to the caller.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return _writes.EnqueueAsync(async session => await work(session.Connection, session.Transaction!), cancellationToken);
    }

    /// <summary>As <see cref="WriteAsync{T}(Func{SqliteConnection, SqliteTransaction, Task{T}}, CancellationToken)"/>, on the writer's session and its prepared statements.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteSession, T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return _writes.EnqueueAsync(session => ValueTask.FromResult(work(session)), cancellationToken);
    }

    /// <summary>Finishes queued writes, closes the writer (which checkpoints the WAL) and the readers.</summary>
    public async ValueTask DisposeAsync()
    {
        await _writes.DisposeAsync();
        _readers.Dispose();
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }
}
