namespace MyService.Hosting.DynamoDB;

/// <summary>
/// A DynamoDB that is already running (DynamoDB Local in a container or on another machine, a look-alike), named by
/// <c>ConnectionStrings:{name}</c> in place of the DynamoDB Local the AppHost would install and start. Nothing is
/// installed or started: it is Running once its connection string reads, Healthy once a signed ListTables answers,
/// and its tables are created there as on DynamoDB Local (again if they go missing).
/// </summary>
public sealed class DynamoDBEndpointResource : Resource, IDynamoDBResource
{
    internal DynamoDBEndpointResource(string name, string connectionString) : base(name)
    {
        ConnectionString = connectionString;
        if (DynamoDBConnectionString.TryParse(connectionString, out var parsed, out var problem))
        {
            Url = parsed.Endpoint;
            Region = parsed.Region;
        }
        else
        {
            Problem = problem;
            Region = DynamoDBLocalResource.DefaultRegion;
        }
    }

    /// <summary>The configuration key it was read from.</summary>
    public string ConfigurationKey => $"ConnectionStrings:{Name}";

    /// <summary>The endpoint's URL, without a trailing '/'; null when the connection string does not read.</summary>
    public string? Url { get; }

    public string Region { get; }

    // Empty when it does not read: what was given is not handed to the services (it may hold anything pasted there).
    public ReferenceExpression ServiceUrl => ReferenceExpression.Create($"{Url ?? ""}");

    internal string ConnectionString { get; }

    /// <summary>Why the connection string does not read (the resource then fails to start saying so).</summary>
    internal string? Problem { get; }
}
