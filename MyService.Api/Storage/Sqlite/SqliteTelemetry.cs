using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MyService.Api.Storage.Sqlite;

/// <summary>
/// SQLite's spans and the writer's and checkpointer's metrics (exported with every <c>MyService.*</c> source and
/// meter): a request's trace shows its statement as a client span, a write's with the group commit it was in, and
/// the metrics show where a write's time goes between its request and its commit, which is what the POST latency
/// tail is made of (docs/BENCHMARKS.md).
/// </summary>
internal static class SqliteTelemetry
{
    public const string Name = StorageSpans.Name;

    private static readonly Meter Meter = new(Name);

    /// <summary>A client span for one statement on <paramref name="table"/> (<c>INSERT users</c>).</summary>
    public static Activity? StartClient(string operation, string table) => StorageSpans.StartClient("sqlite", operation, table);

    public static readonly Histogram<double> QueueWait = Meter.CreateHistogram<double>(
        "myservice.sqlite.write.queue_wait", "s", "From a write's enqueue to the start of the transaction that runs it.");

    public static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(
        "myservice.sqlite.write.batch_size", "{write}", "Writes committed together in one transaction (group commit).");

    public static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(
        "myservice.sqlite.write.transaction_duration", "s", "One group commit: its writes' statements and the COMMIT.");

    public static readonly Histogram<double> CheckpointDuration = Meter.CreateHistogram<double>(
        "myservice.sqlite.checkpoint.duration", "s", "One WAL checkpoint, on the checkpointer's own connection.");

    public static readonly Histogram<int> WalPages = Meter.CreateHistogram<int>(
        "myservice.sqlite.checkpoint.wal_pages", "{page}", "Pages in the WAL when a checkpoint ran (its bound is SqliteCheckpointer.RestartPages).");
}
