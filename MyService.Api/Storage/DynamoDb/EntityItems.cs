using System.Text.Json;
using Amazon.DynamoDBv2.DocumentModel;
using Amazon.DynamoDBv2.Model;

namespace MyService.Api.Storage.DynamoDb;

/// <summary>
/// An entity as an item: its JSON properties (web casing, as the API shows them) as native attributes, plus the
/// keys. One mapping for every entity type, so a new entity needs no mapping code.
/// </summary>
internal static class EntityItems
{
    public static Dictionary<string, AttributeValue> ToItem<TEntity>(string entityType, TEntity entity) where TEntity : IEntity
    {
        var item = Document.FromJson(JsonSerializer.Serialize(entity, JsonSerializerOptions.Web)).ToAttributeMap();
        foreach (var (name, value) in StoreKeys.Entity(entityType, entity.Id))
        {
            item[name] = value;
        }

        return item;
    }

    public static TEntity FromItem<TEntity>(Dictionary<string, AttributeValue> item)
    {
        var attributes = new Dictionary<string, AttributeValue>(item);
        attributes.Remove(StoreKeys.PartitionKey);
        attributes.Remove(StoreKeys.SortKey);
        return JsonSerializer.Deserialize<TEntity>(Document.FromAttributeMap(attributes).ToJson(), JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("An entity item deserialized to null.");
    }

    public static JsonElement ToPayload<TEntity>(TEntity entity) => JsonSerializer.SerializeToElement(entity, JsonSerializerOptions.Web);
}
