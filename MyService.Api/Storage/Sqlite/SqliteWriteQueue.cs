using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace MyService.Api.Storage.Sqlite;

/// <summary>
/// The single writer. Writes queue up while a commit is in progress and the next transaction takes all of them
/// (group commit), so throughput grows with load instead of paying one commit per request.
/// </summary>
internal sealed class SqliteWriteQueue : IAsyncDisposable
{
    private const int MaxBatch = 256;

    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new() { SingleReader = true });
    private readonly string _connectionString;
    private readonly Task _loop;

    public SqliteWriteQueue(string connectionString)
    {
        _connectionString = connectionString;
        _loop = Task.Run(RunAsync);
    }

    public async Task<T> EnqueueAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var pending = new PendingWrite(async (c, t) => await work(c, t), cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteDatabase), "The database is shutting down.");
        }

        return (T)(await pending.Completion.Task.WaitAsync(cancellationToken))!;
    }

    private async Task RunAsync()
    {
        await using var connection = new SqliteConnection(_connectionString);
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                if (!next.CancellationToken.IsCancellationRequested)
                {
                    batch.Add(next);
                }
            }

            try
            {
                await CommitAsync(connection, batch);
            }
            catch (Exception ex)
            {
                // The transaction itself failed (disk, file lock, a broken connection): nothing in it was written.
                // Every caller in it gets the error, and the next batch starts on a fresh connection.
                foreach (var write in batch)
                {
                    write.Completion.TrySetException(ex);
                }

                await connection.CloseAsync();
            }
        }
    }

    private static async Task CommitAsync(SqliteConnection connection, List<PendingWrite> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var results = new object?[batch.Count];
        await EnsureOpenAsync(connection);
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            for (var i = 0; i < batch.Count; i++)
            {
                transaction.Save("w");
                try
                {
                    results[i] = await batch[i].Work(connection, transaction);
                    transaction.Release("w");
                }
                catch (Exception ex) when (ex is not SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_IOERR or SQLitePCL.raw.SQLITE_FULL })
                {
                    // This write alone is undone; its caller gets the exception (e.g. a UNIQUE violation -> 409).
                    transaction.Rollback("w");
                    transaction.Release("w");
                    batch[i].Completion.TrySetException(ex);
                }
            }

            await transaction.CommitAsync();
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Completion.TrySetResult(results[i]);
        }
    }

    private static async Task EnsureOpenAsync(SqliteConnection connection)
    {
        if (connection.State == System.Data.ConnectionState.Open)
        {
            return;
        }

        await connection.OpenAsync();
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = SqliteDatabase.WriterPragmas;
        await pragmas.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private sealed record PendingWrite(Func<SqliteConnection, SqliteTransaction, Task<object?>> Work, CancellationToken CancellationToken)
    {
        public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
