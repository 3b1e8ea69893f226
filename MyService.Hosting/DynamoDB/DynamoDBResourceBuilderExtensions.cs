using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MyService.Hosting.DynamoDB;
using MyService.Hosting.Publishing;

namespace MyService.Hosting;

/// <summary>What DynamoDB Local and an endpoint named in its place share: tables, references, health.</summary>
public static class DynamoDBResourceBuilderExtensions
{
    /// <summary>A table with string keys, created when its DynamoDB is ready and before anything that waits for the table starts.</summary>
    public static IResourceBuilder<DynamoDBTableResource> AddTable(
        this IResourceBuilder<IDynamoDBResource> builder, string name, string partitionKey, string? sortKey = null, string? tableName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var table = new DynamoDBTableResource(name, builder.Resource, tableName ?? name, partitionKey, sortKey);
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
    /// Points <paramref name="builder"/>'s AWS SDK at the DynamoDB: AWS_ENDPOINT_URL_DYNAMODB, AWS_REGION and dummy
    /// credentials, in run mode only (deployed, the SDK finds DynamoDB and the task role itself).
    /// </summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IDynamoDBResource> dynamodb)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dynamodb);
        var resource = dynamodb.Resource;
        return builder.WithReferenceRelationship(resource).WithEnvironment(context =>
        {
            if (context.ExecutionContext.IsRunMode)
            {
                context.EnvironmentVariables["AWS_ENDPOINT_URL_DYNAMODB"] = resource.ServiceUrl;
                context.EnvironmentVariables["AWS_REGION"] = resource.Region;
                context.EnvironmentVariables["AWS_ACCESS_KEY_ID"] = DynamoDBClients.AccessKeyId;
                context.EnvironmentVariables["AWS_SECRET_ACCESS_KEY"] = DynamoDBClients.SecretAccessKey;
            }
        });
    }

    /// <summary>The table's DynamoDB (as above) and <c>AWS__Resources__{name}__TableName</c>, which is also published.</summary>
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

    /// <summary>Healthy once a signed ListTables answers, asked every 100 ms until then (see AddHealthCheckPatience).</summary>
    internal static IResourceBuilder<T> WithListTablesHealthCheck<T>(this IResourceBuilder<T> builder)
        where T : IDynamoDBResource
    {
        var resource = builder.Resource;
        var key = $"{resource.Name}_dynamodb_check";
        builder.ApplicationBuilder.Services.AddHealthChecks()
            .Add(new HealthCheckRegistration(key, services => new DynamoDBHealthCheck(resource, services), failureStatus: default, tags: default));
        // A JVM answers seconds after it starts: without patience, Healthy (and the tables) come at Aspire's next check.
        builder.ApplicationBuilder.AddHealthCheckPatience();
        return builder.WithHealthCheck(key);
    }
}
