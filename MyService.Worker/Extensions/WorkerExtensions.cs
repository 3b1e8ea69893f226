using Amazon.DynamoDBv2;
using Microsoft.Extensions.Options;
using MyService.ServiceDefaults.Aws;
using MyService.Worker.Feed;
using MyService.Worker.Processing;
using MyService.Worker.Projection;
using Polly;

namespace MyService.Worker.Extensions;

public static class WorkerExtensions
{
    /// <summary>The change-feed consumer: feed client (http://api), projection and checkpoint on DynamoDB, the loop, its health.</summary>
    public static IHostApplicationBuilder AddProjectionWorker(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<WorkerOptions>(builder.Configuration.GetSection("Worker"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddDynamoDBClient();
        builder.Services.AddSingleton(sp => new ProjectionTable(
            sp.GetRequiredService<IAmazonDynamoDB>(),
            DynamoDBClientFactory.TableName(sp.GetRequiredService<IConfiguration>(), ProjectionTable.ResourceName)));
        // One layer retries the feed: the worker's loop (ProjectionWorker with Backoff, 200 ms doubling to 15 s, the
        // health check Degraded meanwhile). The standard resilience handler ServiceDefaults gives every client would
        // retry each read 3 times over up to 30 s first, hiding an outage from the loop and stacking its waits on
        // the backoff's, so this client keeps only a per-read timeout; service discovery (http://api) stays.
        // RemoveAllResilienceHandlers is the package's way to take the default handler off one client; it is marked
        // experimental (EXTEXP0001) in Microsoft.Extensions.Http.Resilience 10.11.0.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient<IChangeFeedSource, ApiChangeFeedClient>(http => http.BaseAddress = new Uri("http://api"))
            .RemoveAllResilienceHandlers()
            // A read may wait in the API for up to Worker:FeedWait before it answers: the timeout is on top of that.
            .AddResilienceHandler("feed", (pipeline, context) => pipeline.AddTimeout(
                TimeSpan.FromSeconds(context.ServiceProvider.GetRequiredService<IOptions<WorkerOptions>>().Value.FeedWaitSeconds) + ApiChangeFeedClient.ReadTimeout));
#pragma warning restore EXTEXP0001
        builder.Services.AddSingleton<IProjectionStore, DynamoProjectionStore>();
        builder.Services.AddSingleton<ICheckpointStore, DynamoCheckpointStore>();
        builder.Services.AddSingleton<ChangeFeedProcessor>();
        builder.Services.AddSingleton<WorkerStatus>();
        builder.Services.AddHostedService<ProjectionWorker>();
        builder.Services.AddHealthChecks().AddCheck<WorkerHealthCheck>("projection", tags: ["live"]);
        // ECS sends SIGTERM and kills after stopTimeout (30 s): finish the current page within that.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(25));
        return builder;
    }
}
