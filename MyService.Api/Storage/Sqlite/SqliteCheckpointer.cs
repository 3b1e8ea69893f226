using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace MyService.Api.Storage.Sqlite;

/// <summary>
/// Checkpoints the WAL off the write path. SQLite's automatic checkpoint (every 1,000 pages) runs inside the COMMIT
/// of whichever connection crosses the limit, here always the one writer: the copy into the database file and its
/// fsync then stall every write queued behind it, which was the POST tail's largest cause after GC. The writer turns
/// it off (<c>wal_autocheckpoint=0</c>), and this loop, on a connection of its own, runs a PASSIVE checkpoint a moment
/// after commits (never when idle): PASSIVE takes no lock the writer needs, so writes go on while it copies. SQLite
/// starts the WAL over only when a transaction begins with every frame copied, which under continuous writes never
/// happens (frames keep arriving while a checkpoint copies), so past <see cref="RestartPages"/> this asks the writer
/// (<see cref="RestartWanted"/>) to run a RESTART checkpoint itself between two batches: on the writer's own
/// connection it waits for no lock, and it copies only what arrived since the last passive checkpoint.
/// <c>journal_size_limit</c> then truncates the file when SQLite starts the WAL over.
/// </summary>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    /// <summary>The wait after a commit before a checkpoint: commits in between are copied by one checkpoint.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>About 64 MiB of 4 KiB pages: past it the writer starts the WAL over (it overshoots while a checkpoint catches up).</summary>
    public const int RestartPages = 16_384;

    /// <summary>Passive rounds at most before a RESTART, and the round short enough to stop at.</summary>
    private const int CatchUpRounds = 4;

    private static readonly TimeSpan ShortRound = TimeSpan.FromMilliseconds(3);

    private readonly string _connectionString;
    private readonly CommitSignal _commits;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private volatile bool _restartWanted;

    /// <summary>True once the WAL has outgrown its bound; the writer clears it by restarting the WAL (<see cref="RestartOn"/>).</summary>
    public bool RestartWanted => _restartWanted;

    public SqliteCheckpointer(string connectionString, CommitSignal commits)
    {
        _connectionString = connectionString;
        _commits = commits;
        _loop = Task.Run(RunAsync);
    }

    private async Task RunAsync()
    {
        SqliteConnection? connection = null;
        var next = _commits.Next;
        while (!_stopping.IsCancellationRequested)
        {
            await next.WaitAsync(_stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await Task.Delay(Interval, _stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (_stopping.IsCancellationRequested)
            {
                break;
            }

            // Taken before the checkpoint: a commit that lands while it copies brings another round.
            next = _commits.Next;
            try
            {
                connection ??= Open();
                if (Checkpoint(connection, "PASSIVE", "checkpointer").WalPages > RestartPages)
                {
                    PrepareRestart(connection);
                    _restartWanted = true;
                }
            }
            catch (SqliteException)
            {
                // A busy or locked file, or a broken connection: the next commit brings the next attempt, on a
                // fresh connection; the WAL only grows meanwhile, and the writer's close checkpoints it.
                connection?.Dispose();
                connection = null;
            }
        }

        connection?.Dispose();
    }

    /// <summary>
    /// Before the writer's RESTART, which every queued write waits for: what it would copy and sync is done here, off
    /// the write path. Passive rounds copy what arrived during the one before (each is shorter, since the copy outpaces
    /// the writes), then the WAL and (on Linux) the database file are flushed, so the RESTART's fsyncs find little left
    /// to write. A passive round syncs the database file only when it copied every frame, which under continuous writes
    /// it does not, so the RESTART's fsync of it used to write out every page the rounds had copied: 13-57 ms of stall
    /// (docs/BENCHMARKS.md). Durability is SQLite's own either way: this only syncs sooner.
    /// </summary>
    private static void PrepareRestart(SqliteConnection connection)
    {
        for (var round = 0; round < CatchUpRounds; round++)
        {
            if (Checkpoint(connection, "PASSIVE", "checkpointer").Took < ShortRound)
            {
                break;
            }
        }

        try
        {
            // No locks live on the -wal file (SQLite locks the database and -shm files), so a handle of our own may
            // open and close it; FileShare keeps it from refusing SQLite anything.
            using var wal = new FileStream(connection.DataSource + "-wal", FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            FileSystemSync.Flush(wal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The WAL is gone (the database closed) or cannot be opened: the RESTART syncs it itself.
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Run by the writer between batches when <see cref="RestartWanted"/>: the WAL starts over at its next commit.</summary>
    public void RestartOn(SqliteConnection writer)
    {
        _restartWanted = false;
        // RESTART waits for readers (and a passive round) through the busy handler, and every queued write waits with
        // it: a short one here, since the next passive round asks again.
        SetBusyTimeout(writer, 100);
        try
        {
            Checkpoint(writer, "RESTART", "writer");
        }
        catch (SqliteException)
        {
            // A reader outlasted the busy timeout: the commits are safe in the WAL, the next passive round asks again.
        }
        finally
        {
            SetBusyTimeout(writer, 5000); // the writer's own (SqliteDatabase.WriterPragmas)
        }
    }

    private static void SetBusyTimeout(SqliteConnection connection, int milliseconds)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {milliseconds};";
        command.ExecuteNonQuery();
    }

    /// <summary>One checkpoint: the pages the WAL held, and how long it took.</summary>
    private static (int WalPages, TimeSpan Took) Checkpoint(SqliteConnection connection, string mode, string on)
    {
        var started = Stopwatch.GetTimestamp();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        using var row = command.ExecuteReader();
        // busy, pages in the WAL, pages checkpointed (-1 when the database is not in WAL mode).
        var walPages = row.Read() ? row.GetInt32(1) : 0;
        var took = Stopwatch.GetElapsedTime(started);
        SqliteTelemetry.CheckpointDuration.Record(took.TotalSeconds, new KeyValuePair<string, object?>("mode", mode), new KeyValuePair<string, object?>("connection", on));
        SqliteTelemetry.WalPages.Record(walPages);
        return (walPages, took);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _loop;
        _stopping.Dispose();
    }
}
