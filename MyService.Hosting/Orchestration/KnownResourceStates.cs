namespace MyService.Hosting.Orchestration;

/// <summary>Aspire's resource states (DESIGN §4).</summary>
public static class KnownResourceStates
{
    public const string NotStarted = "NotStarted";
    public const string Waiting = "Waiting";
    public const string Starting = "Starting";
    public const string Running = "Running";
    public const string Stopping = "Stopping";
    public const string Exited = "Exited";
    public const string Finished = "Finished";
    public const string FailedToStart = "FailedToStart";

    /// <summary>States from which the resource will not come back by itself.</summary>
    public static bool IsTerminal(string state) => state is Exited or Finished or FailedToStart;
}

public enum HealthStatus
{
    Unknown,
    Healthy,
    Unhealthy,
}
