using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MyService.Hosting.Publishing.Model;

namespace MyService.Hosting.Publishing.Validation;

/// <summary>
/// The service's Dockerfile must agree with what the model publishes: the port it exposes and listens on, the
/// HEALTHCHECK (the same probe and timings as the ECS container health check), a non-root USER, and the data VOLUME.
/// </summary>
internal static partial class DockerfileCheck
{
    public static IReadOnlyList<ValidationProblem> Validate(string file, string text, PublishedService service)
    {
        var problems = new ProblemList(file);
        // The final stage is what runs; continuation lines joined so each instruction is one line.
        var instructions = Continuation().Replace(text, " ").Split('\n')
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => (Keyword: l.Split(' ', 2)[0].ToUpperInvariant(), Arguments: l.Split(' ', 2).ElementAtOrDefault(1) ?? ""))
            .Reverse().TakeWhile(i => i.Keyword != "FROM").Reverse().ToList();
        if (service.ListenPort?.ToString(CultureInfo.InvariantCulture) is { } port)
        {
            var exposed = instructions.Where(i => i.Keyword == "EXPOSE").SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(p => p.Split('/')[0]);
            problems.ErrorIf(!exposed.Contains(port), "EXPOSE", null, $"does not expose {port}, the port of the model's endpoint.", $"EXPOSE {port} (and ASPNETCORE_HTTP_PORTS={port}).");
            var httpPorts = instructions.Where(i => i.Keyword == "ENV").Select(i => HttpPorts().Match(i.Arguments)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
            problems.ErrorIf(httpPorts is not null && httpPorts != port, "ENV ASPNETCORE_HTTP_PORTS", null, $"is {httpPorts}, but the model's endpoint is {port}.", $"set ASPNETCORE_HTTP_PORTS={port}.");
        }

        var user = instructions.LastOrDefault(i => i.Keyword == "USER").Arguments;
        problems.ErrorIf(string.IsNullOrWhiteSpace(user) || user.Trim() is "root" or "0" || user.StartsWith("0:", StringComparison.Ordinal), "USER", null,
            "the image runs as root.", "add USER $APP_UID (the .NET images' non-root app user) before ENTRYPOINT.");
        CheckHealthCheck(problems, instructions.LastOrDefault(i => i.Keyword == "HEALTHCHECK").Arguments, service.ContainerHealthCheck);
        // Each volume the service's declarations mount (SQLite's data folder among them) is a VOLUME of the image.
        foreach (var volume in service.Volumes.Where(v => !instructions.Any(i => i.Keyword == "VOLUME" && i.Arguments.Contains(v.MountPath, StringComparison.Ordinal))))
        {
            problems.Error("VOLUME", null, $"does not declare {volume.MountPath}, where the published task mounts the '{volume.Name}' volume.", $"VOLUME [\"{volume.MountPath}\"].");
        }

        return problems.Problems;
    }

    private static void CheckHealthCheck(ProblemList problems, string? arguments, ContainerHealthCheck expected)
    {
        if (string.IsNullOrWhiteSpace(arguments))
        {
            problems.Error("HEALTHCHECK", null, "is missing.", $"HEALTHCHECK CMD {JsonSerializer.Serialize(expected.Command.Skip(1))}.");
            return;
        }

        var command = arguments.IndexOf("CMD ", StringComparison.Ordinal) is var at and >= 0 ? arguments[(at + 4)..].Trim() : "";
        string[]? actual = null;
        try
        {
            actual = command.StartsWith('[') ? JsonSerializer.Deserialize<string[]>(command) : null;
        }
        catch (JsonException)
        {
            // Reported below as a mismatch.
        }

        problems.ErrorIf(actual is null || !actual.SequenceEqual(expected.Command.Skip(1)), "HEALTHCHECK CMD", null, $"runs {command}, but the ECS container health check runs {JsonSerializer.Serialize(expected.Command.Skip(1))}.",
            "use the same exec-form command in both (the model's ContainerHealthCheckCommand, default the service's --health-probe).");
        foreach (var (flag, value) in new[] { ("interval", $"{expected.Interval}s"), ("timeout", $"{expected.Timeout}s"), ("start-period", $"{expected.StartPeriod}s"), ("retries", $"{expected.Retries}") })
        {
            var actualValue = Flag(arguments, flag);
            problems.ErrorIf(actualValue is not null && actualValue != value, $"HEALTHCHECK --{flag}", null, $"is {actualValue}, but the ECS container health check uses {value}.", $"set --{flag}={value}.");
        }
    }

    private static string? Flag(string arguments, string name) =>
        Regex.Match(arguments, $@"--{Regex.Escape(name)}=(\S+)", RegexOptions.None, TimeSpan.FromSeconds(1)) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex Continuation();

    [GeneratedRegex(@"ASPNETCORE_HTTP_PORTS=(\d+)")]
    private static partial Regex HttpPorts();
}
