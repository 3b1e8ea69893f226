using System.Globalization;
using Amazon.DynamoDBv2.Model;
using MyService.Api.Storage.DynamoDb;

namespace MyService.Api.Storage.Migration;

/// <summary>How far the SQLite copy got (pk <c>migration</c>, sk <c>sqlite</c>): the last id or sequence copied of each part.</summary>
internal sealed class MigrationMarker
{
    public long Users { get; set; }

    public long Items { get; set; }

    public long Events { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    private static Dictionary<string, AttributeValue> Key => StoreKeys.Key("migration", "sqlite");

    public static async Task<MigrationMarker?> ReadAsync(StoreTable table, CancellationToken cancellationToken)
    {
        var response = await table.Client.GetItemAsync(new GetItemRequest { TableName = table.Name, Key = Key, ConsistentRead = true }, cancellationToken);
        if (!response.IsItemSet)
        {
            return null;
        }

        var item = response.Item;
        return new MigrationMarker
        {
            Users = StoreKeys.ReadNumber(item, "users"),
            Items = StoreKeys.ReadNumber(item, "items"),
            Events = StoreKeys.ReadNumber(item, "events"),
            CompletedAt = item.TryGetValue("completedAt", out var completed)
                ? DateTimeOffset.Parse(completed.S, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
                : null,
        };
    }

    public Task SaveAsync(StoreTable table, CancellationToken cancellationToken)
    {
        var item = Key;
        item["users"] = StoreKeys.N(Users);
        item["items"] = StoreKeys.N(Items);
        item["events"] = StoreKeys.N(Events);
        if (CompletedAt is { } completed)
        {
            item["completedAt"] = new AttributeValue(completed.ToString("O", CultureInfo.InvariantCulture));
        }

        return table.Client.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = item }, cancellationToken);
    }
}
