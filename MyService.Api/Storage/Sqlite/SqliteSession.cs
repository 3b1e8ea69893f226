using Microsoft.Data.Sqlite;

namespace MyService.Api.Storage.Sqlite;

/// <summary>
/// One open connection and the statements prepared on it. Microsoft.Data.Sqlite prepares a command's SQL anew for
/// every new command, and parsing and planning a statement cost more than running the point lookups and inserts
/// this API makes, so each statement is prepared once per connection and kept for as long as the connection is.
/// A session is used by one caller at a time (the writer's loop, or a reader rented from <see cref="SqliteReaderPool"/>).
/// </summary>
public sealed class SqliteSession : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);
    private readonly SqliteReaderPool? _pool;

    internal SqliteSession(SqliteConnection connection, SqliteReaderPool? pool)
    {
        Connection = connection;
        _pool = pool;
    }

    public SqliteConnection Connection { get; }

    /// <summary>The writer's transaction while a batch runs; statements run inside it.</summary>
    public SqliteTransaction? Transaction { get; internal set; }

    /// <summary>The prepared command for <paramref name="sql"/>, inside the current transaction; set its parameters with <see cref="SqliteSessionExtensions.Set"/>.</summary>
    public SqliteCommand Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            command.Prepare();
            _statements[sql] = command;
        }

        command.Transaction = Transaction;
        return command;
    }

    /// <summary>Runs a statement without parameters or rows (SAVEPOINT, RELEASE).</summary>
    public void Execute(string sql) => Statement(sql).ExecuteNonQuery();

    /// <summary>A rented reader goes back to its pool; the writer's session, and a reader the pool does not keep, close.</summary>
    public void Dispose()
    {
        if (_pool is null || !_pool.Return(this))
        {
            Close();
        }
    }

    internal void Close()
    {
        foreach (var command in _statements.Values)
        {
            command.Dispose();
        }

        _statements.Clear();
        Connection.Dispose();
    }
}
