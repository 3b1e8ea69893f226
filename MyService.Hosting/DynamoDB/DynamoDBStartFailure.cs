using Microsoft.Extensions.DependencyInjection;

namespace MyService.Hosting.DynamoDB;

/// <summary>
/// A DynamoDB that cannot start (no Java or npm, a connection string that does not read): its reason in one line on
/// its console and in the AppHost's output, where a person running <c>dotnet run</c> looks first, and its tables
/// failed with it (<see cref="DynamoDBTableLifecycle.TablesFailedAsync"/>).
/// </summary>
internal static partial class DynamoDBStartFailure
{
    public static async Task ReportAsync(IDynamoDBResource dynamodb, IServiceProvider services, string reason)
    {
        LogOnResource(services.GetRequiredService<ResourceLoggerService>().GetLogger(dynamodb), reason);
        LogOnAppHost(services.GetRequiredService<ILoggerFactory>().CreateLogger("MyService.Hosting.DynamoDB"), dynamodb.Name, reason);
        await DynamoDBTableLifecycle.TablesFailedAsync(dynamodb, services);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message}")]
    private static partial void LogOnResource(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Resource}: {Message}")]
    private static partial void LogOnAppHost(ILogger logger, string resource, string message);
}
