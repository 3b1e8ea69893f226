
namespace MyService.Hosting.Publishing.Validation.Fsd;

/// <summary>
/// service.resources and service.autoScaling: the Fargate task sizes and ordered counts (errors: refused), targets
/// and cooldowns AWS refuses (errors) or that never act (warnings), and one task for a SQLite service (an error: two
/// writers on one file lose data). Counts and autoscaling left out are the platform's defaults, not reported.
/// </summary>
internal static class FsdResourceRules
{
    public static void Check(FsdRuleContext c)
    {
        // Fargate cannot start a task without a size, and no document leaves them out.
        var (cpu, memory) = (c.Required("service.resources.cpu"), c.Required("service.resources.memory"));
        if (cpu is not null && memory is not null)
        {
            DeploymentRules.FargateSize(c.Problems, "service.resources.cpu", c.Line("service.resources.cpu"), cpu.Value, memory.Value);
        }

        var (desired, min, max) = (c.Number("service.resources.desiredCount"), c.Number("service.resources.minCapacity"), c.Number("service.resources.maxCapacity"));
        DeploymentRules.Counts(c.Problems, "service.resources", c.Line("service.resources"), min, desired, max);

        var (minCount, maxCount) = (c.Number("service.autoScaling.minCount"), c.Number("service.autoScaling.maxCount"));
        if (minCount is not null && maxCount is not null && minCount > maxCount)
        {
            c.Problems.Error("service.autoScaling", c.Line("service.autoScaling"), $"minCount {minCount} is above maxCount {maxCount}.", "make minCount <= maxCount.");
        }

        if (c.Yaml.Node("service.autoScaling.targetCPU") is not null && c.Yaml.Node("service.autoScaling.targetCPUUtilization") is not null)
        {
            c.Problems.Warning("service.autoScaling.targetCPUUtilization", c.Line("service.autoScaling.targetCPUUtilization"), "both targetCPU and targetCPUUtilization are set: a reader cannot tell which target applies.", "keep one of them.");
        }

        foreach (var target in new[] { "targetCPU", "targetCPUUtilization", "targetMemoryUtilization" })
        {
            CheckTarget(c, $"service.autoScaling.{target}");
        }

        foreach (var cooldown in new[] { "service.autoScaling.scaleInCooldown", "service.autoScaling.scaleOutCooldown" })
        {
            if (c.Number(cooldown) is < 0 and var seconds)
            {
                c.Problems.Error(cooldown, c.Line(cooldown), $"{seconds} seconds: a cooldown cannot be negative.", $"set {cooldown} to 0 or more seconds.");
            }
        }

        if (c.UsesSqlite())
        {
            foreach (var (field, count) in new[] { ("service.resources.desiredCount", desired), ("service.resources.minCapacity", min), ("service.resources.maxCapacity", max), ("service.autoScaling.maxCount", maxCount) })
            {
                if (count is not null)
                {
                    DeploymentRules.SingleSqliteTask(c.Problems, field, c.Line(field), count.Value);
                }
            }
        }
    }

    /// <summary>Application Auto Scaling refuses a target of 0 or less; above 100 percent it accepts one that is never reached.</summary>
    private static void CheckTarget(FsdRuleContext c, string path)
    {
        switch (c.Number(path))
        {
            case <= 0 and var low:
                c.Problems.Error(path, c.Line(path), $"{low} is outside the allowed range 1-100 percent: a target tracking policy needs a positive target.", $"set {path} between 1 and 100.");
                break;
            case > 100 and var high:
                c.Problems.Warning(path, c.Line(path), $"{high} is outside the range 1-100 percent: utilization never reaches it, so the service never scales out.", $"set {path} between 1 and 100.");
                break;
        }
    }
}
