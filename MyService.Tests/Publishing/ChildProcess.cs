using System.Diagnostics;

namespace MyService.Tests.Publishing;

internal static class ChildProcess
{
    /// <summary>Runs a program to its end (killed, with its children, past <paramref name="timeout"/>): its exit code, stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WithTimeout(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout.WithTimeout() + await stderr.WithTimeout());
    }
}
