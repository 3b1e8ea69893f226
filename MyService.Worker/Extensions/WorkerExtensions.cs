using Amazon.DynamoDBv2;
using MyService.Worker.Feed;
using MyService.Worker.Processing;
using MyService.Worker.Projection;

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
        builder.Services.AddHttpClient<IChangeFeedSource, ApiChangeFeedClient>(http => http.BaseAddress = new Uri("http://api"));
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
