namespace MyService.Tests.Fuzz;

/// <summary>
/// The fuzz suites run one at a time and apart from the other collections: each sends thousands of requests, and
/// their answer timeouts should measure the server, not two cores shared with the Aspire and browser tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzCollection
{
    public const string Name = "Fuzz";
}
