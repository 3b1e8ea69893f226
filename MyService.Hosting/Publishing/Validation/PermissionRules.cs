using System.Text.RegularExpressions;

namespace MyService.Hosting.Publishing.Validation;

/// <summary>
/// A dependency's IAM actions. IAM refuses an action without its service prefix (an error); everything else it
/// accepts, so least privilege (002_508960cd39b0bbae.txt, Pattern 5 pitfall "Granting full S3 access") is a warning:
/// the service runs, but with more rights than its code uses.
/// </summary>
internal static partial class PermissionRules
{
    public static void Check(ProblemList problems, string field, int? line, string type, IReadOnlyList<string> actions)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count == 0)
        {
            problems.Warning(field, line, "no permissions: unless the platform grants some itself, the service cannot use this dependency.", "list the actions the service's code calls.");
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
            if (!ActionPattern().IsMatch(action))
            {
                problems.Error(field, line, $"'{action}' is not an IAM action: IAM refuses a policy whose action has no service prefix.", "write it as SERVICE:Action, e.g. dynamodb:GetItem.");
            }
            else if (action.Contains('*', StringComparison.Ordinal))
            {
                problems.Warning(field, line, $"'{action}' is a wildcard: more than the service needs.", "list the individual actions, e.g. dynamodb:GetItem, dynamodb:PutItem.");
            }
            else if (prefix is not null && !action.StartsWith(prefix, StringComparison.Ordinal))
            {
                problems.Warning(field, line, $"'{action}' is not an action on a {type} the service uses.", $"use {prefix}* actions only, named one by one.");
            }
            else if (AdministrationPattern().IsMatch(action))
            {
                problems.Warning(field, line, $"'{action}' administers the resource; services only use it.", "remove it: FSD creates and changes the resource itself.");
            }
        }
    }

    [GeneratedRegex(@"^(\*|[a-z0-9-]+:[A-Za-z0-9*?]+)$")]
    private static partial Regex ActionPattern();

    [GeneratedRegex(@":(Create|Delete|Update)(Table|FileSystem|Bucket|Cluster)|:(Put|Delete)\w*Policy|:TagResource")]
    private static partial Regex AdministrationPattern();
}
