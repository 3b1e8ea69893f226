using Microsoft.Extensions.DependencyInjection;

namespace MyService.Hosting.DynamoDB;

/// <summary>A table's state follows its DynamoDB: Running once created there, Exited when its DynamoDB Local stops.</summary>
internal static class DynamoDBTableLifecycle
{
    /// <summary>The tables declared on <paramref name="dynamodb"/>: its children in the app model.</summary>
    public static IEnumerable<DynamoDBTableResource> TablesOf(this DistributedApplicationModel model, IDynamoDBResource dynamodb) =>
        model.Resources.OfType<DynamoDBTableResource>().Where(t => ReferenceEquals(t.Parent, dynamodb));

    /// <summary>Each time the DynamoDB is ready (the first start, a restart): the missing tables, then each table turns Running.</summary>
    public static async Task CreateTablesAsync(IDynamoDBResource dynamodb, ResourceReadyEvent @event, CancellationToken cancellationToken)
    {
        var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
        var log = @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(dynamodb);
        var tables = @event.Services.GetRequiredService<DistributedApplicationModel>().TablesOf(dynamodb).ToList();
        await DynamoDBTableCreator.CreateMissingAsync(dynamodb, tables, log, cancellationToken);
        if (dynamodb is DynamoDBEndpointResource endpoint)
        {
            endpoint.TablesCreated = true;
        }
        foreach (var table in tables)
        {
            await notifications.PublishUpdateAsync(table, s => s with
            {
                State = KnownResourceStates.Running,
                StartTimeStamp = DateTime.UtcNow,
                StopTimeStamp = null,
            });
        }
    }

    /// <summary>
    /// A DynamoDB that cannot start (no Java, an unreadable connection string) fails its tables too, so what waits for
    /// them fails to start saying so instead of waiting for ever. A later start from the dashboard makes them Running.
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
