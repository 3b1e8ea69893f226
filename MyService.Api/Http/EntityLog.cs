namespace MyService.Api.Http;

/// <summary>One line per change, so an operator can follow writes in the logs (and their traces on the dashboard). Also the log category.</summary>
internal sealed partial class EntityLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Created {Entity} {Id}")]
    public static partial void Created(ILogger logger, string entity, long id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Entity} {Id}")]
    public static partial void Deleted(ILogger logger, string entity, long id);
}
