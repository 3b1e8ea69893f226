using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace MyService.Api.Storage.Sqlite;

/// <summary>
/// Open read connections with their prepared statements (<see cref="SqliteSession"/>), rented one per read. WAL lets
/// them read beside the writer; each statement outside a transaction sees the latest commit. Reads are synchronous in
/// Microsoft.Data.Sqlite, so about as many sessions are in use at once as threads run requests; a few more are kept
/// idle, and any beyond that close when they are returned.
/// </summary>
public sealed class SqliteReaderPool(string connectionString) : IDisposable
{
    private static readonly int MaxIdle = Math.Max(4, Environment.ProcessorCount * 4);

    private readonly ConcurrentQueue<SqliteSession> _idle = new();
    private int _idleCount;
    private volatile bool _disposed;

    public SqliteSession Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryDequeue(out var session))
        {
            Interlocked.Decrement(ref _idleCount);
            return session;
        }

        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return new SqliteSession(connection, this);
    }

    /// <summary>False when the session is not kept (the pool is full or closed): the caller closes it.</summary>
    internal bool Return(SqliteSession session)
    {
        if (_disposed || Interlocked.Increment(ref _idleCount) > MaxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            return false;
        }

        _idle.Enqueue(session);
        if (_disposed)
        {
            // Returned while the pool was closing: close what the drain in Dispose may have missed.
            Drain();
        }

        return true;
    }

    public void Dispose()
    {
        _disposed = true;
        Drain();
    }

    private void Drain()
    {
        while (_idle.TryDequeue(out var session))
        {
            Interlocked.Decrement(ref _idleCount);
            session.Close();
        }
    }
}
