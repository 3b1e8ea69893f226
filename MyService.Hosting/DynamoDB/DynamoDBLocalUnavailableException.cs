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

    /// <summary>
    /// The message alone. It is an expected condition of the machine, not a fault in the code: Aspire logs a failed
    /// start's exception whole on the resource's console, and a stack trace there would only bury what to install.
    /// </summary>
    public override string ToString() => $"{GetType().FullName}: {Message}";
}
