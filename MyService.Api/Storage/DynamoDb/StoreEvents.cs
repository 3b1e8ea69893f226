using Amazon.DynamoDBv2.Model;

namespace MyService.Api.Storage.DynamoDb;

/// <summary>Writes voids: the only way a sequence number becomes "no event here" (see <see cref="DynamoChangeFeed"/>).</summary>
internal sealed partial class StoreEvents(StoreTable table, TimeProvider clock, ILogger<StoreEvents> logger)
{
    /// <summary>
    /// Claims <paramref name="sequence"/> for no event. False when an event holds it already (it committed after all).
    /// </summary>
    public async Task<bool> TryVoidAsync(long sequence, CancellationToken cancellationToken)
    {
        try
        {
            await table.Client.PutItemAsync(new PutItemRequest
            {
                TableName = table.Name,
                Item = EventItems.Void(sequence, clock.GetUtcNow()),
                ConditionExpression = EventItems.OnlyIfFree,
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>
    /// After a write that was refused: voids its number now so readers need not wait for the settle window. If
    /// DynamoDB does not answer, readers void it themselves once it has settled, so the refusal still stands.
    /// </summary>
    public async Task ReleaseAsync(long sequence, CancellationToken cancellationToken)
    {
        try
        {
            await TryVoidAsync(sequence, cancellationToken);
        }
        catch (Amazon.Runtime.AmazonServiceException ex)
        {
            LogReleaseFailed(logger, sequence, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not void event sequence {Sequence}; readers will void it after the settle window")]
    private static partial void LogReleaseFailed(ILogger logger, long sequence, Exception exception);
}
