using MyService.Hosting.ApplicationModel;
using MyService.Hosting.DynamoDB;

namespace MyService.Hosting;

public static class DynamoDBLocalResourceBuilderExtensions
{
    /// <summary>Amazon DynamoDB Local on <paramref name="port"/> (null: a free port); data under .data/{name}/ in run mode.</summary>
    public static IResourceBuilder<DynamoDBLocalResource> AddDynamoDBLocal(this IDistributedApplicationBuilder builder, string name, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddResource(new DynamoDBLocalResource(name))
            .WithAnnotation(new EndpointAnnotation(DynamoDBLocalResource.EndpointName, "http", port, 8000));
    }

    /// <summary>A table with string keys, created (if absent) before DynamoDB Local counts as healthy.</summary>
    public static IResourceBuilder<DynamoDBTableResource> AddTable(
        this IResourceBuilder<DynamoDBLocalResource> builder, string name, string partitionKey, string? sortKey = null, string? tableName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var table = new DynamoDBTableResource(name, builder.Resource, tableName ?? name, partitionKey, sortKey);
        builder.Resource.Tables.Add(table);
        return builder.ApplicationBuilder.AddResource(table);
    }
}
