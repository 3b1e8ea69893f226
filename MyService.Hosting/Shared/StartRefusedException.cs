namespace MyService.Hosting.Shared;

/// <summary>
/// Thrown from a <c>BeforeResourceStartedEvent</c> handler, after the reason was logged on the resource's console, so
/// that Aspire leaves the resource FailedToStart and the rest of the app runs. Aspire logs the exception whole after
/// "Failed to create resource {name}": it says only that, so the reason is read once, not buried under a stack trace.
/// </summary>
internal sealed class StartRefusedException : Exception
{
    public StartRefusedException()
    {
    }

    public StartRefusedException(string message) : base(message)
    {
    }

    public StartRefusedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The message alone: the condition is the machine's, not a fault in the code, and its reason is already logged.</summary>
    public override string ToString() => $"{GetType().Name}: {Message}";
}
