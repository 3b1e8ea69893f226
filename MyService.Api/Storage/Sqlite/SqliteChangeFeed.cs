using System.Text.Json;
using Dapper;

namespace MyService.Api.Storage.Sqlite;

public sealed class SqliteChangeFeed(SqliteDatabase database) : IChangeFeed
{
    public async Task<EventPage> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
            """
            SELECT seq AS Sequence, entity_type AS EntityType, entity_id AS EntityId, operation AS Operation,
                   version AS Version, timestamp AS Timestamp, payload AS Payload, traceparent AS TraceParent
            FROM events WHERE seq > @afterSequence ORDER BY seq LIMIT @limit
            """,
            new { afterSequence, limit },
            cancellationToken: cancellationToken));
        var events = rows.Select(r => r.ToEvent()).ToList();
        // One writer: sequence order is commit order and the numbers have no holes a later commit could fill.
        return new EventPage(events, events.Count > 0 ? events[^1].Sequence : afterSequence);
    }

    private sealed class EventRow
    {
        public long Sequence { get; init; }

        public string EntityType { get; init; } = "";

        public long EntityId { get; init; }

        public string Operation { get; init; } = "";

        public long Version { get; init; }

        public DateTimeOffset Timestamp { get; init; }

        public string? Payload { get; init; }

        public string? TraceParent { get; init; }

        public ChangeEvent ToEvent() => new(
            Sequence, EntityType, EntityId, Operation, Version, Timestamp,
            Payload is null ? null : JsonSerializer.Deserialize<JsonElement>(Payload),
            TraceParent);
    }
}
