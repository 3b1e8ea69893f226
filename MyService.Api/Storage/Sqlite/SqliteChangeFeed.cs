using System.Text.Json;

namespace MyService.Api.Storage.Sqlite;

public sealed class SqliteChangeFeed(SqliteDatabase database) : IChangeFeed
{
    private const string Read = """
        SELECT seq, entity_type, entity_id, operation, version, timestamp, payload, traceparent
        FROM events WHERE seq > @afterSequence ORDER BY seq LIMIT @limit
        """;

    public Task NextCommit => database.Commits.Next;

    // One process owns the file and its writer, so every commit is signalled: waiters never poll.
    public TimeSpan? PollInterval => null;

    public Task<EventPage> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var session = database.RentReader();
        using var row = session.Statement(Read).Set("@afterSequence", afterSequence).Set("@limit", limit).ExecuteReader();
        var events = new List<ChangeEvent>();
        while (row.Read())
        {
            events.Add(new ChangeEvent(
                row.GetInt64(0), row.GetString(1), row.GetInt64(2), row.GetString(3), row.GetInt64(4),
                SqliteTimestamps.Parse(row.GetString(5)),
                row.IsDBNull(6) ? null : JsonSerializer.Deserialize<JsonElement>(row.GetString(6)),
                row.IsDBNull(7) ? null : row.GetString(7)));
        }

        // One writer: sequence order is commit order and the numbers have no holes a later commit could fill.
        return Task.FromResult(new EventPage(events, events.Count > 0 ? events[^1].Sequence : afterSequence));
    }
}
