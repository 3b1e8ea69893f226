using System.Text.Json;

namespace MyService.Api.Storage;

/// <summary>
/// One entry of the change feed (docs/ARCHITECTURE.md). <see cref="Version"/> is the entity's version after the change
/// (a delete takes the next version), so a consumer can apply events idempotently.
/// </summary>
public sealed record ChangeEvent(
    long Sequence,
    string EntityType,
    long EntityId,
    string Operation,
    long Version,
    DateTimeOffset Timestamp,
    JsonElement? Payload,
    string? TraceParent);

public static class ChangeOperations
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
}
