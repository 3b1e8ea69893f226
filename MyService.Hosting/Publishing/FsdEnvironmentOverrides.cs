namespace MyService.Hosting.Publishing;

/// <summary>The values one environment changes (<c>FsdServiceOptions.ForEnvironment</c>); null keeps the service's value.</summary>
public sealed class FsdEnvironmentOverrides
{
    public int? Cpu { get; set; }
    public int? Memory { get; set; }
    public int? DesiredCount { get; set; }
    public int? MinCapacity { get; set; }
    public int? MaxCapacity { get; set; }
    public int? LogRetentionDays { get; set; }
}
