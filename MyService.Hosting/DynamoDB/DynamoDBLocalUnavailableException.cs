namespace MyService.Hosting.DynamoDB;

/// <summary>DynamoDB Local cannot start on this machine (no Java, no npm, a failed install); the message says what to do.</summary>
public sealed class DynamoDBLocalUnavailableException : Exception
{
    public DynamoDBLocalUnavailableException()
    {
    }

    public DynamoDBLocalUnavailableException(string message) : base(message)
    {
    }

    public DynamoDBLocalUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
