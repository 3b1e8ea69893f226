namespace MyService.Hosting.DynamoDB;

/// <summary>
/// Keeps the class-data cache from growing with every change of java, jar or flags: each of those makes a new
/// archive (50-70 MB) under a new key, and the old one is never mapped again. An archive's write time is its last use
/// (<see cref="MarkUsed"/>); when a new one is made, the others unused for <see cref="UnusedFor"/> go, with their class
/// lists and <c>.off</c> notes. Not sooner: two checkouts on one machine may start DynamoDB Local with different flags.
/// </summary>
internal static class ClassDataPruning
{
    public static readonly TimeSpan UnusedFor = TimeSpan.FromDays(30);

    private static readonly string[] Suffixes = [".jsa", ".classlist", ".off", ".jsa.partial"];

    /// <summary>Stamps the archive as used now; a cache it cannot write to only keeps its old stamp.</summary>
    public static void MarkUsed(string archive, DateTimeOffset now)
    {
        try
        {
            File.SetLastWriteTimeUtc(archive, now.UtcDateTime);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only or shared cache: the archive is still mapped; it may only be pruned sooner.
        }
    }

    /// <summary>Deletes what other keys left in <paramref name="directory"/> unused for <see cref="UnusedFor"/>; returns the keys removed.</summary>
    public static IReadOnlyList<string> PruneExcept(string directory, string key, DateTimeOffset now)
    {
        var removed = new List<string>();
        var stale = new DirectoryInfo(directory).EnumerateFiles()
            .Select(file => (File: file, Key: KeyOf(file.Name)))
            .Where(entry => entry.Key is not null && entry.Key != key)
            .GroupBy(entry => entry.Key!);
        foreach (var files in stale)
        {
            // The group's newest file says when that key was last made or used.
            if (now.UtcDateTime - files.Max(entry => entry.File.LastWriteTimeUtc) < UnusedFor)
            {
                continue;
            }

            try
            {
                foreach (var (file, _) in files)
                {
                    file.Delete();
                }

                removed.Add(files.Key);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another run holds it or the cache is read-only: tried again when the next archive is made.
            }
        }

        return removed;
    }

    private static string? KeyOf(string name) =>
        Suffixes.FirstOrDefault(suffix => name.EndsWith(suffix, StringComparison.Ordinal)) is { } suffix ? name[..^suffix.Length] : null;
}
