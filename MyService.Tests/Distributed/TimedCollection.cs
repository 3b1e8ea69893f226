namespace MyService.Tests.Distributed;

/// <summary>
/// Tests that hold a whole AppHost to a time the issue names (back within 30 s of a crash, stopped within 5 s): run
/// after the parallel collections, one at a time, so what they time is the app and not the other tests on two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedCollection
{
    public const string Name = "Timed: one AppHost alone";
}
