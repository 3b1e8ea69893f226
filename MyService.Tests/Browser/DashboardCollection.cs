namespace MyService.Tests.Browser;

/// <summary>Runs alone: a second AppHost and a browser would compete with the other collections for two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard";
}
