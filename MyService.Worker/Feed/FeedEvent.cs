using System.Text.Json;

namespace MyService.Worker.Feed;

/// <summary>
/// One change event as the API's <c>GET /events</c> serves it (README.md, "API"). The worker has its own copy of the
/// shape: services share the HTTP contract, never an assembly.
/// </summary>
public sealed record FeedEvent(
    long Sequence,
    string EntityType,
    long EntityId,
    string Operation,
    long Version,
    DateTimeOffset Timestamp,
    JsonElement? Payload,
    string? TraceParent)
{
    public const string Deleted = "deleted";

    public bool IsDelete => Operation == Deleted;
}

/// <summary>A page of the feed; <see cref="LastSequence"/> is where the next read starts.</summary>
public sealed record FeedPage(IReadOnlyList<FeedEvent> Events, long LastSequence);
