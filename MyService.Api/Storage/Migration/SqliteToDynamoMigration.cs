using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Dapper;
using MyService.Api.Items;
using MyService.Api.Storage.DynamoDb;
using MyService.Api.Storage.Sqlite;
using MyService.Api.Users;

namespace MyService.Api.Storage.Migration;

/// <summary>
/// The graduation step (docs/GRADUATION.md): copies users, items and the change feed from the SQLite file into the
/// DynamoDB store table with the same ids, versions and sequence numbers, then raises the counters past them so
/// the API on DynamoDB continues where SQLite stopped. Idempotent (items are put whole, so writing one twice
/// changes nothing) and resumable: a marker item records how far each part got, after each page.
/// </summary>
internal sealed class SqliteToDynamoMigration(
    SqliteDatabase sqlite,
    SqliteMigrator sqliteMigrator,
    SqliteUserStore sqliteUsers,
    SqliteItemStore sqliteItems,
    SqliteChangeFeed sqliteFeed,
    DynamoUserStore dynamoUsers,
    DynamoItemStore dynamoItems,
    StoreTable table,
    StoreCounters counters,
    BatchWriter writer,
    TimeProvider clock)
{
    /// <summary>Rows per read and per marker update.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>Runs (or resumes) the copy; false when the table already has data of its own and nothing was done.</summary>
    public async Task<bool> RunAsync(TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        await sqliteMigrator.MigrateAsync(cancellationToken: cancellationToken);
        var marker = await MigrationMarker.ReadAsync(table, cancellationToken);
        if (marker is null && await counters.ReadAsync(cancellationToken) is not null)
        {
            await progress.WriteLineAsync($"Table {table.Name} already holds data written by the API and no migration marker: refusing to mix them. Migrate into an empty table.");
            return false;
        }

        marker ??= new MigrationMarker();
        if (marker.CompletedAt is { } completed)
        {
            await progress.WriteLineAsync($"Already migrated on {completed:u}; nothing to do.");
            return true;
        }

        await progress.WriteLineAsync($"Migrating {sqlite.FilePath} into DynamoDB table {table.Name}");
        await CopyEntitiesAsync("users", sqliteUsers, dynamoUsers, marker, () => marker.Users, id => marker.Users = id, progress, cancellationToken);
        await CopyEntitiesAsync("items", sqliteItems, dynamoItems, marker, () => marker.Items, id => marker.Items = id, progress, cancellationToken);
        await CopyEventsAsync(marker, progress, cancellationToken);

        // AUTOINCREMENT's high-water marks: ids of deleted rows are never handed out again, on either provider.
        await using (var connection = await sqlite.OpenReaderAsync(cancellationToken))
        {
            var sequences = (await connection.QueryAsync<(string Name, long Seq)>("SELECT name, seq FROM sqlite_sequence")).ToDictionary(r => r.Name, r => r.Seq);
            await counters.RaiseToAsync(dynamoUsers.Type, sequences.GetValueOrDefault("users"), cancellationToken);
            await counters.RaiseToAsync(dynamoItems.Type, sequences.GetValueOrDefault("items"), cancellationToken);
            await counters.RaiseToAsync(StoreKeys.EventCounter, Math.Max(marker.Events, sequences.GetValueOrDefault("events")), cancellationToken);
        }

        marker.CompletedAt = clock.GetUtcNow();
        await marker.SaveAsync(table, cancellationToken);
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Done: users up to id {marker.Users}, items up to id {marker.Items}, events up to sequence {marker.Events}."));
        return true;
    }

    /// <param name="sqliteTable">The SQLite table (a constant of this class, never input).</param>
    private async Task CopyEntitiesAsync<TEntity, TInput>(
        string sqliteTable, SqliteEntityStore<TEntity, TInput> source, DynamoEntityStore<TEntity, TInput> target,
        MigrationMarker marker, Func<long> copiedUpTo, Action<long> record, TextWriter progress, CancellationToken cancellationToken)
        where TEntity : class, IEntity
    {
        var total = await CountAsync($"SELECT COUNT(*) FROM {sqliteTable}", 0, cancellationToken);
        var done = await CountAsync($"SELECT COUNT(*) FROM {sqliteTable} WHERE id <= @after", copiedUpTo(), cancellationToken);
        while (await source.ListAsync(copiedUpTo(), PageSize, cancellationToken) is { Count: > 0 } page)
        {
            await writer.PutAsync(page.SelectMany(target.ItemsOf), cancellationToken);
            record(page[^1].Id);
            await marker.SaveAsync(table, cancellationToken);
            done += page.Count;
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {sqliteTable}: {done}/{total}"));
        }
    }

    private async Task CopyEventsAsync(MigrationMarker marker, TextWriter progress, CancellationToken cancellationToken)
    {
        var total = await CountAsync("SELECT COUNT(*) FROM events", 0, cancellationToken);
        while ((await sqliteFeed.ReadAsync(marker.Events, PageSize, cancellationToken)).Events is { Count: > 0 } events)
        {
            var items = new List<Dictionary<string, AttributeValue>>();
            var expected = marker.Events + 1;
            foreach (var change in events)
            {
                // A number SQLite skipped becomes a void, so the DynamoDB feed has no hole to wait at.
                for (; expected < change.Sequence; expected++)
                {
                    items.Add(EventItems.Void(expected, change.Timestamp));
                }

                items.Add(EventItems.ToItem(change));
                expected = change.Sequence + 1;
            }

            await writer.PutAsync(items, cancellationToken);
            marker.Events = events[^1].Sequence;
            await marker.SaveAsync(table, cancellationToken);
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  events: up to sequence {marker.Events} of {total} events"));
        }
    }

    private async Task<long> CountAsync(string sql, long after, CancellationToken cancellationToken)
    {
        await using var connection = await sqlite.OpenReaderAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { after }, cancellationToken: cancellationToken));
    }
}
