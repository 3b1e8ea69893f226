namespace MyService.Hosting.OpenTelemetry.Collector;

/// <summary>
/// Where the collector sends what it receives. The dashboard's is known only once Aspire has allocated its port, so
/// the target is a task: until it has completed with a target, a payload for it counts as not accepted.
/// </summary>
public sealed record OtlpDestination(string Name, Task<OtlpTarget?> Target)
{
    /// <summary>A destination known from the start (the configured upstream).</summary>
    public OtlpDestination(string name, OtlpTarget target) : this(name, Task.FromResult<OtlpTarget?>(target))
    {
    }

    /// <summary>The target, if it is known by now.</summary>
    public OtlpTarget? Current => Target is { IsCompletedSuccessfully: true, Result: { } target } ? target : null;
}
