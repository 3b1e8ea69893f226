using Amazon.DynamoDBv2.Model;
using MyService.Api.Storage.DynamoDb;

namespace MyService.Api.Storage.Migration;

/// <summary>BatchWriteItem in chunks of 25, resending what DynamoDB left unprocessed (throttling) with backoff.</summary>
internal sealed class BatchWriter(StoreTable table, TimeProvider clock)
{
    private const int MaxBatch = 25;

    public async Task PutAsync(IEnumerable<Dictionary<string, AttributeValue>> items, CancellationToken cancellationToken)
    {
        foreach (var chunk in items.Chunk(MaxBatch))
        {
            var pending = new Dictionary<string, List<WriteRequest>>
            {
                [table.Name] = [.. chunk.Select(item => new WriteRequest(new PutRequest(item)))],
            };
            for (var attempt = 0; pending.Count > 0; attempt++)
            {
                if (attempt > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 50 * Math.Pow(2, attempt))), clock, cancellationToken);
                }

                var response = await table.Client.BatchWriteItemAsync(new BatchWriteItemRequest(pending), cancellationToken);
                pending = response.UnprocessedItems is { Count: > 0 } left ? left : [];
            }
        }
    }
}
