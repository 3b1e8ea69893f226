using System.Text.RegularExpressions;

namespace MyService.Hosting.Publishing.Validation;

/// <summary>A variable as found in a file: its name and value, the field path and line to report.</summary>
internal sealed record FoundVariable(string Name, string Value, string Field, int? Line);

/// <summary>The rules the FSD and the ECS validators share, so a rule says the same thing whichever file breaks it.</summary>
internal static partial class DeploymentRules
{
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

    public static void Counts(ProblemList problems, string field, int? line, int min, int desired, int max)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (min < 0 || min > desired || desired > max)
        {
            problems.Error(field, line, $"counts min {min}, desired {desired}, max {max} break 0 <= min <= desired <= max.", "order the counts so that min <= desired <= max.");
        }
    }

    /// <summary>SQLite has one writer: any configuration that can run two tasks on the same file corrupts it or locks it.</summary>
    public static void SingleSqliteTask(ProblemList problems, string field, int? line, int count)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (count != 1)
        {
            problems.Error(field, line, $"{count} tasks on a SQLite database: SQLite has one writer, so a SQLite service runs exactly one task.",
                "set min = max = desired = 1; to scale out, graduate to DynamoDB (Storage:Provider=dynamodb and a DynamoDB table in the app model).");
        }
    }

    public static void LogRetention(ProblemList problems, string field, int? line, int? days)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (days is null)
        {
            problems.Error(field, line, "log retention is not set, so logs are kept (and paid for) forever.", "set a retention in days, e.g. 30.");
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

    /// <summary>
    /// Plain environment: no secret-looking names, no localhost or loopback URLs (except the sidecar's OTLP endpoint,
    /// <paramref name="allowedOtlpEndpoint"/>), and a SQLite file only under one of <paramref name="persistentPaths"/>.
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

            if (SqlitePathPattern().Match(v.Value) is { Success: true } sqlite)
            {
                var path = sqlite.Groups[1].Value.Trim();
                if (!persistentPaths.Any(p => path.StartsWith(p.TrimEnd('/') + "/", StringComparison.Ordinal)))
                {
                    problems.Error(v.Field, v.Line, $"the SQLite file '{path}' is not on a persistent volume; the task's disk is lost when it stops.",
                        $"put it under an EFS volume's mount path (the app model's WithDataVolume() mounts {DeploymentDefaults.DataMountPath}).");
                }
            }
        }
    }

    /// <summary>Least privilege: named actions of the dependency's own service, no wildcards, no table or file system administration.</summary>
    public static void Permissions(ProblemList problems, string field, int? line, string type, IReadOnlyList<string> actions)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count == 0)
        {
            problems.Error(field, line, "no permissions: the service could not use this dependency.", "list the actions the service's code calls.");
        }

        var prefix = type switch
        {
            "aws_dynamodb_table" => "dynamodb:",
            "aws_efs_file_system" => "elasticfilesystem:Client",
            "aws_s3_bucket" => "s3:",
            "aws_msk_cluster" => "kafka-cluster:",
            _ => null,
        };
        foreach (var action in actions)
        {
            if (action.Contains('*', StringComparison.Ordinal))
            {
                problems.Error(field, line, $"'{action}' is a wildcard: more than the service needs.", "list the individual actions, e.g. dynamodb:GetItem, dynamodb:PutItem.");
            }
            else if (prefix is not null && !action.StartsWith(prefix, StringComparison.Ordinal))
            {
                problems.Error(field, line, $"'{action}' is not an action on a {type} the service uses.", $"use {prefix}* actions only, named one by one.");
            }
            else if (AdministrationPattern().IsMatch(action))
            {
                problems.Error(field, line, $"'{action}' administers the resource; services only use it.", "remove it: FSD creates and changes the resource itself.");
            }
        }
    }

    public static bool LooksSecret(string name) =>
        WordPattern().Matches(name).Select(m => m.Value).Any(SecretWords.Contains);

    // Words of an environment name: split at '_', '-', '.', ':' and camel-case humps (ApiKey -> Api, Key).
    [GeneratedRegex("[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?i)(://|@|^|[\s;=,])(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)([:/\s;,]|$)")]
    private static partial Regex LoopbackPattern();

    [GeneratedRegex("(?i)Data Source=([^;]+)")]
    private static partial Regex SqlitePathPattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:(secretsmanager:[^:\s]+:[^:\s]+:secret:\S+|ssm:[^:\s]+:[^:\s]+:parameter/\S+)$")]
    private static partial Regex SecretArnPattern();

    [GeneratedRegex(@":(Create|Delete|Update)(Table|FileSystem|Bucket|Cluster)|:(Put|Delete)\w*Policy|:TagResource")]
    private static partial Regex AdministrationPattern();
}
