using MyService.Hosting.DynamoDB;
using MyService.Tests.TestSupport;

namespace MyService.Tests.Integrations;

/// <summary>The class-data cache keeps what is in use and drops what another java, jar or flags left a month ago.</summary>
public sealed class ClassDataPruningTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OnlyOtherKeys_UnusedForThirtyDays_AreRemoved_WithTheirClassListsAndNotes()
    {
        using var cache = new TempDirectory();
        Write(cache.Path, "current.jsa", days: 90);     // the key being made: never removed, however old
        Write(cache.Path, "stale.jsa", days: 45);
        Write(cache.Path, "stale.classlist", days: 45);
        Write(cache.Path, "failed.off", days: 31);       // a failure remembered for a java no longer used
        Write(cache.Path, "recent.jsa", days: 29);       // another checkout's flags, used this month
        Write(cache.Path, "recent.classlist", days: 60); // its list is older than its archive's last use
        Write(cache.Path, ".lock", days: 400);            // not an archive's file

        var removed = ClassDataPruning.PruneExcept(cache.Path, "current", Now);

        Assert.Equal(["failed", "stale"], removed.Order());
        Assert.Equal([".lock", "current.jsa", "recent.classlist", "recent.jsa"], Directory.EnumerateFiles(cache.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void AnArchiveInUse_IsStampedNow_SoItIsNotPruned()
    {
        using var cache = new TempDirectory();
        var archive = Write(cache.Path, "old.jsa", days: 100);

        ClassDataPruning.MarkUsed(archive, Now);

        Assert.Empty(ClassDataPruning.PruneExcept(cache.Path, "other", Now));
        Assert.True(File.Exists(archive));
    }

    private static string Write(string directory, string name, int days)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, name);
        File.SetLastWriteTimeUtc(path, Now.UtcDateTime - TimeSpan.FromDays(days));
        return path;
    }
}
