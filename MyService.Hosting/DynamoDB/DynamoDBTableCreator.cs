using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace MyService.Hosting.DynamoDB;

/// <summary>Creates the declared tables that do not exist yet: idempotent across restarts and data volumes.</summary>
internal static partial class DynamoDBTableCreator
{
    public static async Task CreateMissingAsync(DynamoDBLocalResource dynamo, ILogger log, CancellationToken cancellationToken)
    {
        using var client = dynamo.CreateClient(TimeSpan.FromSeconds(10));
        var existing = (await client.ListTablesAsync(new ListTablesRequest(), cancellationToken)).TableNames ?? [];
        foreach (var table in dynamo.Tables.Where(t => !existing.Contains(t.TableName)))
        {
            List<(string Name, KeyType Type)> keys = [(table.PartitionKey, KeyType.HASH)];
            if (table.SortKey is not null)
            {
                keys.Add((table.SortKey, KeyType.RANGE));
            }

            try
            {
                await client.CreateTableAsync(new CreateTableRequest
                {
                    TableName = table.TableName,
                    BillingMode = BillingMode.PAY_PER_REQUEST,
                    KeySchema = [.. keys.Select(k => new KeySchemaElement(k.Name, k.Type))],
                    AttributeDefinitions = [.. keys.Select(k => new AttributeDefinition(k.Name, ScalarAttributeType.S))],
                }, cancellationToken);
                LogCreated(log, table.TableName);
            }
            catch (ResourceInUseException)
            {
                // Created meanwhile (another caller): that is the state we want.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created table {TableName}")]
    private static partial void LogCreated(ILogger logger, string tableName);
}
