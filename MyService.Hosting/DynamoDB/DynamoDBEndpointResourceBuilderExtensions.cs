using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MyService.Hosting.DynamoDB;
using MyService.Hosting.Publishing;

namespace MyService.Hosting;

public static partial class DynamoDBEndpointResourceBuilderExtensions
{
    /// <summary>
    /// A DynamoDB that is already running, named by <c>ConnectionStrings:{name}</c> (its URL, or
    /// <c>Endpoint=...;Region=...</c>), in place of <c>AddDynamoDBLocal</c>: nothing is installed or started. Its
    /// tables and references are as on DynamoDB Local; it must accept any credentials, as DynamoDB Local does. When the
    /// connection string is missing or does not read, the resource fails to start with one line saying which and how.
    /// </summary>
    public static IResourceBuilder<DynamoDBEndpointResource> AddDynamoDBEndpoint(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var resource = new DynamoDBEndpointResource(name, builder.Configuration.GetConnectionString(name) ?? "");
        return builder.AddResource(resource)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "DynamoDB",
                State = KnownResourceStates.NotStarted,
                Properties =
                [
                    // Where it comes from; its URL is in the URLs column once it is Running.
                    new(CustomResourceKnownProperties.Source, resource.ConfigurationKey),
                    new("dynamodb.region", resource.Region),
                ],
            })
            .WithListTablesHealthCheck()
            .OnInitializeResource(StartAsync)
            // Nothing deployed, as for DynamoDB Local: on ECS the SDK finds DynamoDB and the task role itself.
            .WithAnnotation(new EcsDeploymentAnnotation(_ => { }))
            .ExcludeFromManifest();
    }

    // Running at once (its health checks then ask it), or FailedToStart with the reason: there is no process to wait for.
    private static async Task StartAsync(DynamoDBEndpointResource resource, InitializeResourceEvent @event, CancellationToken cancellationToken)
    {
        await @event.Eventing.PublishAsync(new BeforeResourceStartedEvent(resource, @event.Services), cancellationToken);
        if (resource.Url is null)
        {
            var reason = resource.ConnectionString.Length == 0
                ? $"{resource.ConfigurationKey} is not set: set it to the endpoint (e.g. {DynamoDBConnectionString.Example}), or use AddDynamoDBLocal."
                : $"{resource.ConfigurationKey}: {resource.Problem}. Set it to the endpoint (e.g. {DynamoDBConnectionString.Example}), or remove it to run DynamoDB Local.";
            await @event.Notifications.PublishUpdateAsync(resource, s => s with { State = KnownResourceStates.FailedToStart });
            await DynamoDBStartFailure.ReportAsync(resource, @event.Services, reason);
            return;
        }

        var log = @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
        LogUsing(log, resource.Url, resource.ConfigurationKey);
        await @event.Notifications.PublishUpdateAsync(resource, s => s with
        {
            State = KnownResourceStates.Running,
            StartTimeStamp = DateTime.UtcNow,
            Urls = [new UrlSnapshot(Name: "endpoint", Url: resource.Url, IsInternal: false)],
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Using the DynamoDB at {Url} ({Key}); DynamoDB Local is neither installed nor started")]
    private static partial void LogUsing(ILogger logger, string url, string key);
}
