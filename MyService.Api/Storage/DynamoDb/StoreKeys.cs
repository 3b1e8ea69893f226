using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace MyService.Api.Storage.DynamoDb;

/// <summary>
/// The key design of the store table (docs/DYNAMODB.md): string keys <c>pk</c> and <c>sk</c>. Numbers in sort keys
/// are zero-padded to 20 digits (long.MaxValue has 19) so that string order is numeric order.
/// </summary>
internal static class StoreKeys
{
    public const string PartitionKey = "pk";
    public const string SortKey = "sk";

    /// <summary>Every change event, one partition in sequence order.</summary>
    public const string EventPartition = "event";

    /// <summary>The item holding one atomic counter per entity type and one for the event sequence.</summary>
    public const string CounterPartition = "counter";

    public const string EventCounter = "event";

    public static string Number(long value) => value.ToString("D20", CultureInfo.InvariantCulture);

    /// <summary>Entities of one type share a partition, sorted by id: that is what paging in id order needs.</summary>
    public static Dictionary<string, AttributeValue> Entity(string entityType, long id) => Key(entityType, Number(id));

    /// <summary>Holds a unique value (e.g. a user's email, folded to lower case) and the id that owns it.</summary>
    public static Dictionary<string, AttributeValue> Unique(string entityType, string field, string value) =>
        Key($"{entityType}#{field}", value);

    public static Dictionary<string, AttributeValue> Event(long sequence) => Key(EventPartition, Number(sequence));

    public static Dictionary<string, AttributeValue> Counters() => Key(CounterPartition, CounterPartition);

    public static Dictionary<string, AttributeValue> Key(string partition, string sort) => new()
    {
        [PartitionKey] = new AttributeValue(partition),
        [SortKey] = new AttributeValue(sort),
    };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static long ReadNumber(Dictionary<string, AttributeValue> item, string name) =>
        long.Parse(item[name].N, CultureInfo.InvariantCulture);
}
