using System.Globalization;
using System.Text.RegularExpressions;
using MyService.Hosting.Publishing.Model;

namespace MyService.Hosting.Publishing.Validation;

/// <summary>A variable as found in a file: its name and value, the field path and line to report.</summary>
internal sealed record FoundVariable(string Name, string Value, string Field, int? Line);

/// <summary>
/// The rules the FSD and the ECS validators share, so a rule says the same thing whichever file breaks it. Errors for what
/// AWS refuses, fails, loses data or leaks a secret; warnings for what runs but a reviewer would question (docs/DEPLOYMENT.md).
/// </summary>
internal static partial class DeploymentRules
{
    /// <summary>The values CloudWatch Logs PutRetentionPolicy accepts, in days.</summary>
    private static readonly int[] LogRetentionDays = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    /// <summary>The task sizes Fargate accepts: memory (MiB) per CPU value, from 0.25 up to 16 vCPU.</summary>
    private static readonly SortedDictionary<int, int[]> MemoryByCpu = new()
    {
        [256] = [512, 1024, 2048],
        [512] = Steps(1024, 4096, 1024),
        [1024] = Steps(2048, 8192, 1024),
        [2048] = Steps(4096, 16384, 1024),
        [4096] = Steps(8192, 30720, 1024),
        [8192] = Steps(16384, 61440, 4096),
        [16384] = Steps(32768, 122880, 8192),
    };

    private static readonly HashSet<string> SecretWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "key", "apikey", "secret", "password", "passwd", "pwd", "token", "credential", "credentials",
    };

    public static void Range(ProblemList problems, string field, int? line, int? value, int min, int max, string unit) =>
        problems.ErrorIf(value < min || value > max, field, line, $"{value} is outside the allowed range {min}-{max}{unit}.", $"set {field} between {min} and {max}.");

    /// <summary>When both are given; the fix says what to change: the memory values for this CPU, or the CPU values that allow this memory.</summary>
    public static void FargateSize(YamlView view, string path, int? cpu, int? memory)
    {
        if (cpu is null || memory is null)
        {
            return;
        }

        var memories = MemoryByCpu.GetValueOrDefault(cpu.Value) ?? [];
        var cpus = MemoryByCpu.Where(p => p.Value.Contains(memory.Value)).Select(p => p.Key.ToString(CultureInfo.InvariantCulture)).ToList();
        var raise = cpus.Count > 0 ? $", or keep memory {memory} with cpu {string.Join(" or ", cpus)}" : "";
        var sizes = memories.Length <= 4 ? string.Join(", ", memories) : $"{memories[0]} to {memories[^1]} in steps of {memories[1] - memories[0]}";
        view.ErrorIf(!memories.Contains(memory.Value), path, $"cpu {cpu} with memory {memory} is not a Fargate task size.",
            memories.Length == 0 ? $"use a Fargate CPU value: {string.Join(", ", MemoryByCpu.Keys)}." : $"with cpu {cpu} use memory {sizes}{raise}.");
    }

    /// <summary>Counts given must be in order (ECS and Application Auto Scaling refuse a minimum above the maximum); one left out is the platform's default.</summary>
    public static void Counts(YamlView view, string path, int? min, int? desired, int? max)
    {
        view.ErrorIf(min < 0 || min > desired || desired > max || min > max, path,
            $"counts min {Show(min)}, desired {Show(desired)}, max {Show(max)} break 0 <= min <= desired <= max.", "order the counts so that min <= desired <= max.");
        static string Show(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? "(default)";
    }

    /// <summary>SQLite has one writer: any configuration that can run two tasks on the same file corrupts it or locks it.</summary>
    public static void SingleSqliteTask(YamlView view, string path, int? count) =>
        view.ErrorIf(count > 1, path, $"{count} tasks on a SQLite database: SQLite has one writer, so a SQLite service runs exactly one task.", "set min = max = desired = 1; to scale out, graduate to DynamoDB.");

    /// <summary>No retention deploys (CloudWatch keeps the logs forever, and bills for them): a warning. A value CloudWatch refuses: an error.</summary>
    public static void LogRetention(YamlView view, string path)
    {
        var days = view.Number(path);
        view.WarningIf(days is null, path, "log retention is not set, so logs are kept (and paid for) forever.", "set a retention in days, e.g. 30.");
        view.ErrorIf(days is { } d && !LogRetentionDays.Contains(d), path, $"{days} is not a CloudWatch Logs retention.", $"use one of {string.Join(", ", LogRetentionDays)}.");
    }

    /// <summary>Secrets Manager (<c>arn:aws:secretsmanager:region:account:secret:name</c>) or SSM (<c>arn:aws:ssm:region:account:parameter/name</c>).</summary>
    public static void SecretArn(YamlView secret)
    {
        var valueFrom = secret.Text("valueFrom");
        secret.ErrorIf(valueFrom is null || !SecretArnPattern().IsMatch(valueFrom), "valueFrom", $"'{valueFrom}' is not a full Secrets Manager or SSM parameter ARN.",
            "use arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME or arn:aws:ssm:REGION:ACCOUNT:parameter/NAME (${...} placeholders allowed).");
    }

    /// <summary>An ACM certificate ARN, <c>arn:aws:acm:region:account:certificate/id</c> (placeholders allowed): the load balancer listener refuses anything else.</summary>
    public static void CertificateArn(YamlView view, string path)
    {
        var arn = view.Text(path);
        view.ErrorIf(arn is not null && !CertificateArnPattern().IsMatch(arn), path, $"'{arn}' is not an ACM certificate ARN.", "use arn:aws:acm:REGION:ACCOUNT:certificate/ID.");
    }

    /// <summary>No secret-looking names, no loopback URLs (but <paramref name="allowedOtlpEndpoint"/>, the sidecar's), SQLite only under <paramref name="persistentPaths"/>.</summary>
    public static void Environment(ProblemList problems, IEnumerable<FoundVariable> variables, string? allowedOtlpEndpoint, IReadOnlyCollection<string> persistentPaths)
    {
        foreach (var v in variables)
        {
            // Words of the name: split at '_', '-', '.', ':' and camel-case humps (ApiKey -> Api, Key).
            problems.ErrorIf(WordPattern().Matches(v.Name).Any(m => SecretWords.Contains(m.Value)), v.Field, v.Line, $"'{v.Name}' looks like a secret (KEY, SECRET, PASSWORD, TOKEN) but is plain environment.",
                "move it to secrets with a Secrets Manager ARN (in the app model: AddParameter(name, secret: true)).");
            var loopbackAllowed = v.Name == "OTEL_EXPORTER_OTLP_ENDPOINT" && v.Value == allowedOtlpEndpoint;
            problems.ErrorIf(!loopbackAllowed && LoopbackPattern().IsMatch(v.Value), v.Field, v.Line, $"'{v.Value}' points at localhost/loopback, which on ECS is the task itself.",
                "use the deployed address (a ${...} placeholder filled in at deploy time, or the service's load balancer URL).");
            SqliteLocation(problems, v, persistentPaths);
        }
    }

    /// <summary>The database file of a SQLite connection string or URL ("" for an unnamed, in-memory one); null when the value is not SQLite.</summary>
    public static string? SqliteFile(string value)
    {
        if (SqliteUrl().Match(value) is { Success: true } url)
        {
            // SQLAlchemy: sqlite:////abs/path, sqlite:///relative, sqlite:///:memory: and sqlite:// (memory): the path follows the third slash.
            var rest = url.Groups[1].Value;
            return rest.Length == 0 ? "" : rest[1..];
        }

        // "Data Source=" is also SQL Server's and Oracle's keyword; theirs come with a server, a catalog or a user.
        return DataSource().Match(value) is { Success: true } source && !OtherDatabase().IsMatch(value) ? source.Groups[1].Value.Trim() : null;
    }

    /// <summary>In memory, under /tmp or off every persistent volume, the data is gone when the task stops (000_205a7571b484f349.txt, Pattern 2 pitfalls).</summary>
    private static void SqliteLocation(ProblemList problems, FoundVariable variable, IReadOnlyCollection<string> persistentPaths)
    {
        const string Fix = "put the file under an EFS volume's mount path (the app model's WithDataVolume() mounts " + DeploymentDefaults.DataMountPath + ").";
        if (SqliteFile(variable.Value) is not { } path)
        {
            return;
        }

        var inMemory = path is "" or ":memory:" || MemoryMode().IsMatch(variable.Value);
        var underTmp = !inMemory && (path == "/tmp" || path.StartsWith("/tmp/", StringComparison.Ordinal));
        problems.ErrorIf(inMemory, variable.Field, variable.Line, "the SQLite database is in memory: all its data is lost when the task stops.", Fix);
        problems.ErrorIf(underTmp, variable.Field, variable.Line, $"the SQLite file '{path}' is under /tmp: its data is lost when the task restarts.", Fix);
        problems.ErrorIf(!inMemory && !underTmp && !persistentPaths.Any(p => path.StartsWith(p.TrimEnd('/') + "/", StringComparison.Ordinal)), variable.Field, variable.Line,
            $"the SQLite file '{path}' is not on a persistent volume; the task's disk is lost when it stops.", Fix);
    }

    private static int[] Steps(int from, int to, int step) => [.. Enumerable.Range(0, ((to - from) / step) + 1).Select(i => from + (i * step))];

    [GeneratedRegex("[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?i)(://|@|^|[\s;=,])(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)([:/\s;,]|$)")]
    private static partial Regex LoopbackPattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:(secretsmanager:[^:\s]+:[^:\s]+:secret:\S+|ssm:[^:\s]+:[^:\s]+:parameter/\S+)$")]
    private static partial Regex SecretArnPattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:acm:[^:\s]+:[^:\s]+:certificate/\S+$")]
    private static partial Regex CertificateArnPattern();

    [GeneratedRegex(@"(?i)^sqlite(?:\+\w+)?://(/.*)?$")]
    private static partial Regex SqliteUrl();

    [GeneratedRegex(@"(?i)(?:^|;)\s*(?:Data ?Source|Filename)\s*=\s*([^;]*)")]
    private static partial Regex DataSource();

    [GeneratedRegex(@"(?i)(?:^|;)\s*(?:Initial Catalog|Database|Server|User ?Id|Uid|Integrated Security)\s*=")]
    private static partial Regex OtherDatabase();

    [GeneratedRegex(@"(?i)(?:^|;)\s*Mode\s*=\s*Memory\s*(?:;|$)")]
    private static partial Regex MemoryMode();
}
