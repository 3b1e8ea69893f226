using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace MyService.Api.Storage.DynamoDb;

/// <summary>
/// Change events as items of the <c>event</c> partition. A <c>void</c> item fills a sequence number whose write
/// did not commit, so readers can tell a number that will never hold an event from one still being written.
/// </summary>
internal static class EventItems
{
    public const string VoidOperation = "void";

    /// <summary>Written only if the number is still free: a real event and a void for one sequence exclude each other.</summary>
    public const string OnlyIfFree = "attribute_not_exists(pk)";

    public static Dictionary<string, AttributeValue> ToItem(ChangeEvent change)
    {
        var item = StoreKeys.Event(change.Sequence);
        item["seq"] = StoreKeys.N(change.Sequence);
        item["entityType"] = new AttributeValue(change.EntityType);
        item["entityId"] = StoreKeys.N(change.EntityId);
        item["operation"] = new AttributeValue(change.Operation);
        item["version"] = StoreKeys.N(change.Version);
        item["timestamp"] = new AttributeValue(Timestamp(change.Timestamp));
        if (change.Payload is { } payload)
        {
            item["payload"] = new AttributeValue(payload.GetRawText());
        }

        if (change.TraceParent is { } trace)
        {
            item["traceparent"] = new AttributeValue(trace);
        }

        return item;
    }

    public static Dictionary<string, AttributeValue> Void(long sequence, DateTimeOffset now)
    {
        var item = StoreKeys.Event(sequence);
        item["seq"] = StoreKeys.N(sequence);
        item["operation"] = new AttributeValue(VoidOperation);
        item["timestamp"] = new AttributeValue(Timestamp(now));
        return item;
    }

    public static long Sequence(Dictionary<string, AttributeValue> item) => StoreKeys.ReadNumber(item, "seq");

    public static bool IsVoid(Dictionary<string, AttributeValue> item) => item["operation"].S == VoidOperation;

    public static DateTimeOffset ReadTimestamp(Dictionary<string, AttributeValue> item) =>
        DateTimeOffset.Parse(item["timestamp"].S, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static ChangeEvent FromItem(Dictionary<string, AttributeValue> item) => new(
        Sequence(item),
        item["entityType"].S,
        StoreKeys.ReadNumber(item, "entityId"),
        item["operation"].S,
        StoreKeys.ReadNumber(item, "version"),
        ReadTimestamp(item),
        item.TryGetValue("payload", out var payload) ? JsonSerializer.Deserialize<JsonElement>(payload.S) : null,
        item.TryGetValue("traceparent", out var trace) ? trace.S : null);

    private static string Timestamp(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
