using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace MyService.Api.Storage.Sqlite;

/// <summary>
/// The single writer. Writes queue up while a commit is in progress and the next transaction takes all of them
/// (group commit), so throughput grows with load instead of paying one commit per request. The writer's session keeps
/// every statement it has run prepared, the savepoints' included, so a write costs its steps, not their parsing.
/// </summary>
internal sealed class SqliteWriteQueue : IAsyncDisposable
{
    private const int MaxBatch = 256;

    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new() { SingleReader = true });
    private readonly string _connectionString;
    private readonly CommitSignal _commits;
    private readonly SqliteCheckpointer _checkpointer;
    private readonly Task _loop;
    private long _batches;

    public SqliteWriteQueue(string connectionString, CommitSignal commits)
    {
        _connectionString = connectionString;
        _commits = commits;
        _checkpointer = new SqliteCheckpointer(connectionString, commits);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues <paramref name="work"/>; completes once the transaction that ran it has committed.</summary>
    public Task<T> EnqueueAsync<T>(Func<SqliteSession, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var pending = new PendingWrite<T>(work, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteDatabase), "The database is shutting down.");
        }

        return cancellationToken.CanBeCanceled ? pending.Completion.Task.WaitAsync(cancellationToken) : pending.Completion.Task;
    }

    private async Task RunAsync()
    {
        SqliteSession? session = null;
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                if (!next.IsCancellationRequested)
                {
                    batch.Add(next);
                }
            }

            if (batch.Count == 0)
            {
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            var batchNumber = ++_batches;
            SqliteTelemetry.BatchSize.Record(batch.Count);
            foreach (var write in batch)
            {
                var queued = Stopwatch.GetElapsedTime(write.Enqueued, started);
                SqliteTelemetry.QueueWait.Record(queued.TotalSeconds);
                write.Describe(batchNumber, batch.Count, queued);
            }

            try
            {
                session ??= Open();
                await CommitAsync(session, batch);
                SqliteTelemetry.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
                // Once per batch: the feed's waiters read again and find every event this transaction wrote.
                _commits.Pulse();
                if (_checkpointer.RestartWanted)
                {
                    _checkpointer.RestartOn(session.Connection);
                }
            }
            catch (Exception ex)
            {
                // The transaction itself failed (disk, file lock, a broken connection): nothing in it was written.
                // Every caller in it gets the error, and the next batch starts on a fresh connection.
                foreach (var write in batch)
                {
                    write.Fail(ex);
                }

                session?.Close();
                session = null;
            }
        }

        session?.Close();
    }

    private SqliteSession Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = SqliteDatabase.WriterPragmas;
            pragmas.ExecuteNonQuery();
        }

        return new SqliteSession(connection, pool: null);
    }

    private static async Task CommitAsync(SqliteSession session, List<PendingWrite> batch)
    {
        var succeeded = new bool[batch.Count];
        using (var transaction = session.Connection.BeginTransaction())
        {
            session.Transaction = transaction;
            try
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    session.Execute("SAVEPOINT w");
                    try
                    {
                        await batch[i].RunAsync(session);
                        session.Execute("RELEASE w");
                        succeeded[i] = true;
                    }
                    catch (Exception ex) when (ex is not SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_IOERR or SQLitePCL.raw.SQLITE_FULL })
                    {
                        // This write alone is undone; its caller gets the exception (e.g. a UNIQUE violation -> 409).
                        session.Execute("ROLLBACK TO w");
                        session.Execute("RELEASE w");
                        batch[i].Fail(ex);
                    }
                }

                transaction.Commit();
            }
            finally
            {
                session.Transaction = null;
            }
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (succeeded[i])
            {
                batch[i].Complete();
            }
        }
    }

    /// <summary>Stops the checkpointer, then finishes the queued writes; the writer's close checkpoints what is left.</summary>
    public async ValueTask DisposeAsync()
    {
        await _checkpointer.DisposeAsync();
        _queue.Writer.TryComplete();
        await _loop;
    }

    /// <summary>A queued write; its caller's task completes only after the batch's commit.</summary>
    private abstract class PendingWrite(CancellationToken cancellationToken)
    {
        public long Enqueued { get; } = Stopwatch.GetTimestamp();

        /// <summary>The caller's storage span (<see cref="SqliteTelemetry.StartClient"/>), if it has one.</summary>
        private readonly Activity? _span = Activity.Current is { Source: var source, IsAllDataRequested: true } current
            && source == StorageSpans.Source ? current : null;

        /// <summary>Tags the caller's span with the group commit its write is in. The caller awaits the commit meanwhile.</summary>
        public void Describe(long batch, int batchSize, TimeSpan queued)
        {
            _span?.SetTag("myservice.sqlite.batch.id", batch);
            _span?.SetTag("myservice.sqlite.batch.size", batchSize);
            _span?.SetTag("myservice.sqlite.queue_wait_ms", queued.TotalMilliseconds);
        }

        public bool IsCancellationRequested => cancellationToken.IsCancellationRequested;

        public abstract ValueTask RunAsync(SqliteSession session);

        public abstract void Complete();

        public abstract void Fail(Exception error);
    }

    private sealed class PendingWrite<T>(Func<SqliteSession, ValueTask<T>> work, CancellationToken cancellationToken)
        : PendingWrite(cancellationToken)
    {
        private T? _result;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask RunAsync(SqliteSession session) => _result = await work(session);

        public override void Complete() => Completion.TrySetResult(_result!);

        public override void Fail(Exception error) => Completion.TrySetException(error);
    }
}
