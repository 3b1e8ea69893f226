using System.Text.RegularExpressions;

namespace MyService.Hosting.Publishing.Validation;

/// <summary>A variable as found in a file: its name and value, the field path and line to report.</summary>
internal sealed record FoundVariable(string Name, string Value, string Field, int? Line);

/// <summary>
/// The rules the FSD and the ECS validators share, so a rule says the same thing whichever file breaks it. Errors are
/// for what AWS or the platform refuses, what fails at run time, loses data or leaks a secret; warnings for what
/// deploys and runs but a reviewer would question (docs/DEPLOYMENT.md, "Validation rules").
/// </summary>
internal static partial class DeploymentRules
{
    /// <summary>The values CloudWatch Logs PutRetentionPolicy accepts, in days.</summary>
    public static readonly IReadOnlyList<int> LogRetentionDays = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    private static readonly HashSet<string> SecretWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "key", "apikey", "secret", "password", "passwd", "pwd", "token", "credential", "credentials",
    };

    public static void Range(ProblemList problems, string field, int? line, int value, int min, int max, string unit)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (value < min || value > max)
        {
            problems.Error(field, line, $"{value} is outside the allowed range {min}-{max}{unit}.", $"set {field} between {min} and {max}.");
        }
    }

    public static void FargateSize(ProblemList problems, string field, int? line, int cpu, int memory)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (!FargateSizes.IsValid(cpu, memory))
        {
            problems.Error(field, line, $"cpu {cpu} with memory {memory} is not a Fargate task size.", FargateSizes.FixFor(cpu, memory));
        }
    }

    /// <summary>
    /// The counts that are given must be in order (ECS and Application Auto Scaling refuse a minimum above the
    /// maximum); a count left out is the platform's default, and is not compared.
    /// </summary>
    public static void Counts(ProblemList problems, string field, int? line, int? min, int? desired, int? max)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (min < 0 || min > desired || desired > max || min > max)
        {
            problems.Error(field, line, $"counts min {Show(min)}, desired {Show(desired)}, max {Show(max)} break 0 <= min <= desired <= max.", "order the counts so that min <= desired <= max.");
        }

        static string Show(int? count) => count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(default)";
    }

    /// <summary>SQLite has one writer: any configuration that can run two tasks on the same file corrupts it or locks it.</summary>
    public static void SingleSqliteTask(ProblemList problems, string field, int? line, int count)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (count > 1)
        {
            problems.Error(field, line, $"{count} tasks on a SQLite database: SQLite has one writer, so a SQLite service runs exactly one task.",
                "set min = max = desired = 1; to scale out, graduate to DynamoDB (Storage:Provider=dynamodb and a DynamoDB table in the app model).");
        }
    }

    /// <summary>No retention deploys (CloudWatch keeps the logs forever, and bills for them): a warning. A value CloudWatch refuses: an error.</summary>
    public static void LogRetention(ProblemList problems, string field, int? line, int? days)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (days is null)
        {
            problems.Warning(field, line, "log retention is not set, so logs are kept (and paid for) forever.", "set a retention in days, e.g. 30.");
        }
        else if (!LogRetentionDays.Contains(days.Value))
        {
            problems.Error(field, line, $"{days} is not a CloudWatch Logs retention.", $"use one of {string.Join(", ", LogRetentionDays)}.");
        }
    }

    /// <summary>Secrets Manager (<c>arn:aws:secretsmanager:region:account:secret:name</c>) or SSM (<c>arn:aws:ssm:region:account:parameter/name</c>).</summary>
    public static void SecretArn(ProblemList problems, string field, int? line, string? valueFrom)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (valueFrom is null || !SecretArnPattern().IsMatch(valueFrom))
        {
            problems.Error(field, line, $"'{valueFrom}' is not a full Secrets Manager or SSM parameter ARN.",
                "use arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME or arn:aws:ssm:REGION:ACCOUNT:parameter/NAME (${...} placeholders allowed).");
        }
    }

    /// <summary>An ACM certificate ARN, <c>arn:aws:acm:region:account:certificate/id</c> (placeholders allowed): the load balancer listener refuses anything else.</summary>
    public static void CertificateArn(ProblemList problems, string field, int? line, string certificateArn)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (!CertificateArnPattern().IsMatch(certificateArn))
        {
            problems.Error(field, line, $"'{certificateArn}' is not an ACM certificate ARN.", "use arn:aws:acm:REGION:ACCOUNT:certificate/ID.");
        }
    }

    /// <summary>
    /// Plain environment: no secret-looking names, no localhost or loopback URLs (except the sidecar's OTLP endpoint,
    /// <paramref name="allowedOtlpEndpoint"/>), and a SQLite database only in a file under one of <paramref name="persistentPaths"/>.
    /// </summary>
    public static void Environment(ProblemList problems, IEnumerable<FoundVariable> variables, string? allowedOtlpEndpoint, IReadOnlyCollection<string> persistentPaths)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(variables);
        foreach (var v in variables)
        {
            if (LooksSecret(v.Name))
            {
                problems.Error(v.Field, v.Line, $"'{v.Name}' looks like a secret (KEY, SECRET, PASSWORD, TOKEN) but is plain environment.",
                    "move it to secrets with a Secrets Manager ARN (in the app model: AddParameter(name, secret: true)).");
            }

            var loopbackAllowed = v.Name == "OTEL_EXPORTER_OTLP_ENDPOINT" && v.Value == allowedOtlpEndpoint;
            if (!loopbackAllowed && LoopbackPattern().IsMatch(v.Value))
            {
                problems.Error(v.Field, v.Line, $"'{v.Value}' points at localhost/loopback, which on ECS is the task itself.",
                    "use the deployed address (a ${...} placeholder filled in at deploy time, or the service's load balancer URL).");
            }

            SqliteLocation.Check(problems, v, persistentPaths);
        }
    }

    public static bool LooksSecret(string name) =>
        WordPattern().Matches(name).Select(m => m.Value).Any(SecretWords.Contains);

    // Words of an environment name: split at '_', '-', '.', ':' and camel-case humps (ApiKey -> Api, Key).
    [GeneratedRegex("[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?i)(://|@|^|[\s;=,])(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)([:/\s;,]|$)")]
    private static partial Regex LoopbackPattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:(secretsmanager:[^:\s]+:[^:\s]+:secret:\S+|ssm:[^:\s]+:[^:\s]+:parameter/\S+)$")]
    private static partial Regex SecretArnPattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:acm:[^:\s]+:[^:\s]+:certificate/\S+$")]
    private static partial Regex CertificateArnPattern();
}
