using Microsoft.Data.Sqlite;

namespace MyService.Api.Storage.Sqlite;

/// <summary>
/// The database file: pooled connections for reads and one writer, because SQLite has one writer and queueing
/// writes here beats contending on the file lock (no "database is locked" under load). The writer commits
/// queued writes in groups (<see cref="SqliteWriteQueue"/>), each write isolated in its own savepoint.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    // WAL lets readers run beside the writer; NORMAL is durable across process crashes in WAL mode and skips an
    // fsync per commit (a power loss may lose the last commits, which an ECS task on EFS accepts).
    internal const string WriterPragmas = "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

    private readonly SqliteWriteQueue _writes;

    public SqliteDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 5 };
        ConnectionString = builder.ToString();
        FilePath = builder.DataSource;
        _writes = new SqliteWriteQueue(ConnectionString);
    }

    public string ConnectionString { get; }

    public string FilePath { get; }

    public async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the writer inside a transaction; it returns once that transaction committed.
    /// An exception from <paramref name="work"/> undoes only its own changes and is rethrown to the caller.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        _writes.EnqueueAsync(work, cancellationToken);

    /// <summary>Finishes queued writes, closes the writer (which checkpoints the WAL) and the pooled readers.</summary>
    public async ValueTask DisposeAsync()
    {
        await _writes.DisposeAsync();
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }
}
