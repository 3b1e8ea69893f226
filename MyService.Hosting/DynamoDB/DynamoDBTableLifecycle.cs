using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;

namespace MyService.Hosting.DynamoDB;

/// <summary>A table's state follows its DynamoDB: Running once created there, Exited when its DynamoDB Local stops.</summary>
internal static class DynamoDBTableLifecycle
{
    /// <summary>The tables declared on <paramref name="dynamodb"/>: its children in the app model.</summary>
    public static IEnumerable<DynamoDBTableResource> TablesOf(this DistributedApplicationModel model, IDynamoDBResource dynamodb) =>
        model.Resources.OfType<DynamoDBTableResource>().Where(t => ReferenceEquals(t.Parent, dynamodb));

    /// <summary>
    /// After each answer of the DynamoDB's health check: the declared tables that are missing are created, and each
    /// that is not Running turns Running. So the first start, a restart of DynamoDB Local and an endpoint that lost its
    /// tables (restarted in memory) all end with the tables present before anything waiting for them is told they are
    /// ready, and a creation that fails is the check's report (Unhealthy, asked again) rather than a lost event.
    /// </summary>
    /// <returns>The first table that exists but is not ACTIVE yet (a look-alike of DynamoDB answers CREATING first), or null.</returns>
    public static async Task<string?> EnsureTablesAsync(IDynamoDBResource dynamodb, IAmazonDynamoDB client, IReadOnlyCollection<string> existing, IServiceProvider services, CancellationToken cancellationToken)
    {
        var tables = services.GetRequiredService<DistributedApplicationModel>().TablesOf(dynamodb).ToList();
        var log = services.GetRequiredService<ResourceLoggerService>().GetLogger(dynamodb);
        await DynamoDBTableCreator.CreateMissingAsync(client, tables, existing, log, cancellationToken);
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        foreach (var table in tables)
        {
            if (notifications.TryGetCurrentState(table.Name, out var current) && current.Snapshot.State?.Text == KnownResourceStates.Running)
            {
                continue;
            }

            var status = (await client.DescribeTableAsync(table.TableName, cancellationToken)).Table.TableStatus;
            if (status != TableStatus.ACTIVE)
            {
                return $"{table.TableName} is {status}";
            }

            await notifications.PublishUpdateAsync(table, s => s with
            {
                State = KnownResourceStates.Running,
                StartTimeStamp = DateTime.UtcNow,
                StopTimeStamp = null,
            });
        }

        return null;
    }

    /// <summary>
    /// A DynamoDB that cannot start (no Java, an unreadable connection string) fails its tables too, so what waits for
    /// them fails to start saying so instead of waiting for ever. DynamoDB Local started later from the dashboard makes
    /// them Running; an endpoint's connection string is read once, so that takes a new start of the AppHost.
    /// </summary>
    public static async Task TablesFailedAsync(IDynamoDBResource dynamodb, IServiceProvider services)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        foreach (var table in services.GetRequiredService<DistributedApplicationModel>().TablesOf(dynamodb))
        {
            await notifications.PublishUpdateAsync(table, s => s with { State = KnownResourceStates.FailedToStart });
        }
    }

    /// <summary>A table lives in its DynamoDB Local's process: when that stops, so does the table.</summary>
    public static async Task TablesStoppedAsync(DynamoDBLocalResource dynamodb, ResourceStoppedEvent @event, CancellationToken cancellationToken)
    {
        var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
        foreach (var table in @event.Services.GetRequiredService<DistributedApplicationModel>().TablesOf(dynamodb))
        {
            await notifications.PublishUpdateAsync(table, s => s with { State = KnownResourceStates.Exited, StopTimeStamp = DateTime.UtcNow });
        }
    }
}
