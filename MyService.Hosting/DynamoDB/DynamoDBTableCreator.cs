using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace MyService.Hosting.DynamoDB;

/// <summary>Creates the declared tables that do not exist yet: idempotent across restarts and data volumes.</summary>
internal static partial class DynamoDBTableCreator
{
    /// <summary>Every table's name: ListTables answers at most 100 at a time, and a shared endpoint may hold more.</summary>
    public static async Task<IReadOnlyCollection<string>> ListAllAsync(IAmazonDynamoDB client, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        do
        {
            var page = await client.ListTablesAsync(new ListTablesRequest { ExclusiveStartTableName = after }, cancellationToken);
            names.UnionWith(page.TableNames ?? []);
            after = page.LastEvaluatedTableName;
        }
        while (after is not null);

        return names;
    }

    /// <summary>The declared tables that <paramref name="existing"/> (what ListTables answered) lacks.</summary>
    public static async Task CreateMissingAsync(IAmazonDynamoDB client, IEnumerable<DynamoDBTableResource> tables, IReadOnlyCollection<string> existing, ILogger log, CancellationToken cancellationToken)
    {
        foreach (var table in tables.Where(t => !existing.Contains(t.TableName)))
        {
            if (await CreateAsync(client, table.TableName, table.PartitionKey, table.SortKey, cancellationToken))
            {
                LogCreated(log, table.TableName);
            }
        }
    }

    /// <summary>
    /// One table with string keys, billed per request: the shape of every declared table, and of the storage tests'
    /// own tables. False when it exists already (created meanwhile by another caller: the state wanted).
    /// </summary>
    public static async Task<bool> CreateAsync(IAmazonDynamoDB client, string tableName, string partitionKey, string? sortKey, CancellationToken cancellationToken)
    {
        List<(string Name, KeyType Type)> keys = [(partitionKey, KeyType.HASH)];
        if (sortKey is not null)
        {
            keys.Add((sortKey, KeyType.RANGE));
        }

        try
        {
            await client.CreateTableAsync(new CreateTableRequest
            {
                TableName = tableName,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                KeySchema = [.. keys.Select(k => new KeySchemaElement(k.Name, k.Type))],
                AttributeDefinitions = [.. keys.Select(k => new AttributeDefinition(k.Name, ScalarAttributeType.S))],
            }, cancellationToken);
            return true;
        }
        catch (ResourceInUseException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created table {TableName}")]
    private static partial void LogCreated(ILogger logger, string tableName);
}
