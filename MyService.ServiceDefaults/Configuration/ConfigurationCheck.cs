namespace MyService.ServiceDefaults.Configuration;

/// <summary>
/// Settings a service cannot run with, said before its host starts: a line each on standard error (where Aspire's
/// console and ECS's log driver read it) and exit code 2, instead of the host's "Hosting failed to start" and the
/// exception's stack trace, twice, or a 500 for every request.
/// </summary>
public static class ConfigurationCheck
{
    public const int ExitCode = 2;

    /// <summary>Writes each problem; false when there were any.</summary>
    public static bool Passes(IEnumerable<string> problems, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var any = false;
        foreach (var problem in problems)
        {
            (error ?? Console.Error).WriteLine(problem);
            any = true;
        }

        return !any;
    }
}
