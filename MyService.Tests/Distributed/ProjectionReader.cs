using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Aspire.Hosting;

namespace MyService.Tests.Distributed;

/// <summary>Reads the worker's projection table and checkpoint straight from the app's DynamoDB Local.</summary>
internal sealed class ProjectionReader(DistributedApplication app) : IDisposable
{
    private const string Table = "myservice-projection";
    private readonly AmazonDynamoDBClient _client = app.DynamoDB().CreateClient(TimeSpan.FromSeconds(5));

    /// <summary>The projected version of an entity, whether it is a tombstone, its last sequence and payload; or null.</summary>
    public async Task<(long Version, bool Deleted, long Sequence, string? Payload)?> FindAsync(string type, long id)
    {
        var response = await _client.GetItemAsync(new GetItemRequest
        {
            TableName = Table,
            Key = new() { ["pk"] = new($"{type}#{id}"), ["sk"] = new("state") },
            ConsistentRead = true,
        }).WithTimeout();
        if (!response.IsItemSet)
        {
            return null;
        }

        var item = response.Item;
        return (Number(item["version"]), item.ContainsKey("deleted"), Number(item["sequence"]), item.TryGetValue("payload", out var p) ? p.S : null);
    }

    public async Task<long> CheckpointAsync()
    {
        var response = await _client.GetItemAsync(new GetItemRequest
        {
            TableName = Table,
            Key = new() { ["pk"] = new("checkpoint"), ["sk"] = new("worker") },
            ConsistentRead = true,
        }).WithTimeout();
        return response.IsItemSet ? Number(response.Item["position"]) : 0;
    }

    /// <summary>Polls until <paramref name="condition"/> holds: a bounded wait on the worker, never a fixed sleep.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!await condition())
        {
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"Not within {timeout.TotalSeconds} s: {what}");
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }

    private static long Number(AttributeValue value) => long.Parse(value.N, CultureInfo.InvariantCulture);

    public void Dispose() => _client.Dispose();
}
