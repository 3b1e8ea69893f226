namespace MyService.Tests.TestSupport;

/// <summary>
/// Tests that install an OpenTelemetry provider: its ActivityListener hears every ActivitySource in the process, so
/// another test's requests (e.g. a GET /health) would land in this test's exports. They run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideTelemetryCollection
{
    public const string Name = "Process-wide telemetry";
}
