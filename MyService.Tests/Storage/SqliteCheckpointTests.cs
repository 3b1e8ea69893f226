using Dapper;
using MyService.Api.Storage.Sqlite;
using MyService.Tests.Distributed;
using MyService.Tests.TestSupport;

namespace MyService.Tests.Storage;

/// <summary>WAL checkpoints run on the checkpointer's connection, not inside the writer's commits.</summary>
public sealed class SqliteCheckpointTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task The_writer_keeps_synchronous_normal_and_runs_no_automatic_checkpoint()
    {
        await using var database = new SqliteDatabase($"Data Source={_directory.File("pragmas.db")}");

        var (autoCheckpoint, synchronous, sizeLimit) = await database.WriteAsync(async (c, t) => (
            await c.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint", transaction: t),
            await c.ExecuteScalarAsync<long>("PRAGMA synchronous", transaction: t),
            await c.ExecuteScalarAsync<long>("PRAGMA journal_size_limit", transaction: t)), CancellationToken.None).WithTimeout();

        Assert.Equal(0, autoCheckpoint);
        Assert.Equal(1, synchronous); // NORMAL
        Assert.Equal(64L * 1024 * 1024, sizeLimit);
    }

    [Fact]
    public async Task Committed_pages_reach_the_database_file_through_the_checkpointer()
    {
        var path = _directory.File("checkpointed.db");
        await using var database = await BlobsDatabaseAsync(path);
        var writes = Enumerable.Range(0, 200).Select(_ => database.WriteAsync(
            (c, t) => c.ExecuteAsync("INSERT INTO blobs VALUES (randomblob(8192))", transaction: t), CancellationToken.None));
        await Task.WhenAll(writes).WithTimeout();

        // The writer never checkpoints (above), and the file is not closed: only the checkpointer can grow it.
        await ProjectionReader.EventuallyAsync(
            () => Task.FromResult(new FileInfo(path).Length >= 200 * 8192),
            TimeSpan.FromSeconds(30), "the 1.6 MB written in the WAL copied into the database file");
    }

    [Fact]
    public async Task Under_continuous_writes_the_WAL_is_brought_back_within_its_bound_and_nothing_is_lost()
    {
        var path = _directory.File("bounded.db");
        await using var database = await BlobsDatabaseAsync(path);
        var wal = new FileInfo(path + "-wal");
        long Wal() { wal.Refresh(); return wal.Exists ? wal.Length : 0; }
        var bound = (long)SqliteCheckpointer.RestartPages * 4096;
        long peak = 0, written = 0;
        var restarted = false;
        // 16 writers that never pause: the WAL passes its bound within seconds, and only a checkpoint that catches up
        // (the passive rounds in a gap between batches, or the writer's RESTART) lets SQLite start it over and
        // journal_size_limit shrink the file. It may overshoot while a checkpoint copies; not without end.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var writers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await database.WriteAsync((c, t) => c.ExecuteAsync("INSERT INTO blobs VALUES (randomblob(4000))", transaction: t), CancellationToken.None);
                Interlocked.Increment(ref written);
            }
        })).ToList();
        // Eight times the bound without coming back is a failure: it says so without filling the disk.
        while (!restarted && !stop.IsCancellationRequested && peak < 8 * bound)
        {
            await Task.Delay(10, CancellationToken.None);
            var size = Wal();
            restarted = peak > bound && size < peak;
            peak = Math.Max(peak, size);
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers).WithTimeout();
        Assert.True(restarted, $"the WAL grew to {peak / 1048576} MiB and never came back (bound {bound / 1048576} MiB)");
        var rows = await database.WriteAsync((c, t) => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM blobs", transaction: t), CancellationToken.None).WithTimeout();
        Assert.Equal(Interlocked.Read(ref written), rows);
    }

    /// <summary>A database in WAL mode with one table of blobs, as the API's migrator leaves a file.</summary>
    private static async Task<SqliteDatabase> BlobsDatabaseAsync(string path)
    {
        var database = new SqliteDatabase($"Data Source={path}");
        await using (var connection = await database.OpenReaderAsync(CancellationToken.None).WithTimeout())
        {
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL").WithTimeout();
        }

        await database.WriteAsync((c, t) => c.ExecuteAsync("CREATE TABLE blobs (b BLOB)", transaction: t), CancellationToken.None).WithTimeout();
        return database;
    }
}
