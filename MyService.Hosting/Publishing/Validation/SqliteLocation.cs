using System.Text.RegularExpressions;
using MyService.Hosting.Publishing.Model;

namespace MyService.Hosting.Publishing.Validation;

/// <summary>
/// Where a variable puts a SQLite database, and whether it survives the task: in memory, under /tmp or off every
/// persistent volume, the data is gone when the task stops (000_205a7571b484f349.txt, Pattern 2 pitfalls).
/// </summary>
internal static partial class SqliteLocation
{
    public static void Check(ProblemList problems, FoundVariable variable, IReadOnlyCollection<string> persistentPaths)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(variable);
        ArgumentNullException.ThrowIfNull(persistentPaths);
        if (Find(variable.Value) is not { } path)
        {
            return;
        }

        const string Fix = "put the file under an EFS volume's mount path (the app model's WithDataVolume() mounts " + DeploymentDefaults.DataMountPath + ").";
        if (path.Length == 0 || path == ":memory:" || MemoryMode().IsMatch(variable.Value))
        {
            problems.Error(variable.Field, variable.Line, "the SQLite database is in memory: all its data is lost when the task stops.", Fix);
        }
        else if (path == "/tmp" || path.StartsWith("/tmp/", StringComparison.Ordinal))
        {
            problems.Error(variable.Field, variable.Line, $"the SQLite file '{path}' is under /tmp: its data is lost when the task restarts.", Fix);
        }
        else if (!persistentPaths.Any(p => path.StartsWith(p.TrimEnd('/') + "/", StringComparison.Ordinal)))
        {
            problems.Error(variable.Field, variable.Line, $"the SQLite file '{path}' is not on a persistent volume; the task's disk is lost when it stops.", Fix);
        }
    }

    /// <summary>The database file of a SQLite connection string or URL ("" for an unnamed, in-memory one); null when the value is not SQLite.</summary>
    public static string? Find(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (SqliteUrl().Match(value) is { Success: true } url)
        {
            // SQLAlchemy: sqlite:////abs/path, sqlite:///relative, sqlite:///:memory: and sqlite:// (memory): the path follows the third slash.
            var rest = url.Groups[1].Value;
            return rest.Length == 0 ? "" : rest[1..];
        }

        // "Data Source=" is also SQL Server's and Oracle's keyword; theirs come with a server, a catalog or a user.
        return DataSource().Match(value) is { Success: true } source && !OtherDatabase().IsMatch(value) ? source.Groups[1].Value.Trim() : null;
    }

    [GeneratedRegex(@"(?i)^sqlite(?:\+\w+)?://(/.*)?$")]
    private static partial Regex SqliteUrl();

    [GeneratedRegex(@"(?i)(?:^|;)\s*(?:Data ?Source|Filename)\s*=\s*([^;]*)")]
    private static partial Regex DataSource();

    [GeneratedRegex(@"(?i)(?:^|;)\s*(?:Initial Catalog|Database|Server|User ?Id|Uid|Integrated Security)\s*=")]
    private static partial Regex OtherDatabase();

    [GeneratedRegex(@"(?i)(?:^|;)\s*Mode\s*=\s*Memory\s*(?:;|$)")]
    private static partial Regex MemoryMode();
}
