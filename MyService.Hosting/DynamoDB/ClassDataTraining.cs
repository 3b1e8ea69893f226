using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2.Model;

namespace MyService.Hosting.DynamoDB;

/// <summary>
/// The training run for the class-data archive: DynamoDB Local in memory, with the AppHost's flags, on a port of its
/// own, recording each class it loads until it has answered what an AppHost start asks (ListTables, CreateTable).
/// </summary>
internal static class ClassDataTraining
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public static async Task RecordAsync(string java, string launchJar, string classList, CancellationToken cancellationToken)
    {
        File.Delete(classList);
        var port = FreePort();
        var info = new ProcessStartInfo(java)
        {
            WorkingDirectory = Path.GetDirectoryName(launchJar)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add($"-XX:DumpLoadedClassList={classList}");
        var arguments = new List<object>();
        DynamoDBLocalLaunch.AddArguments(arguments, launchJar, port, dataDirectory: null, classData: null);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(Convert.ToString(argument, System.Globalization.CultureInfo.InvariantCulture)!);
        }

        using var process = Process.Start(info) ?? throw new ClassDataException($"{java} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = DynamoDBClients.Create($"http://127.0.0.1:{port}", DynamoDBLocalResource.DefaultRegion, TimeSpan.FromSeconds(2));
            while (!await AnswersAsync(client, cancellationToken))
            {
                if (process.HasExited)
                {
                    throw new ClassDataException($"the training run of DynamoDB Local exited with {process.ExitCode} before it answered");
                }

                await Task.Delay(Poll, cancellationToken);
            }

            await DynamoDBTableCreator.CreateAsync(client, "class-data-training", partitionKey: "pk", sortKey: "sk", cancellationToken);
        }
        finally
        {
            // The class list is written as classes load: nothing is lost by killing the run.
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(CancellationToken.None);
        }

        DropUnfinishedLastLine(classList);
    }

    private static async Task<bool> AnswersAsync(Amazon.DynamoDBv2.AmazonDynamoDBClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.ListTablesAsync(new ListTablesRequest(), cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or Amazon.Runtime.AmazonClientException
            or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Still starting: the JVM has not bound its port yet.
            return false;
        }
    }

    /// <summary>The kill may cut the list's last line in half; the dump would stop on it.</summary>
    private static void DropUnfinishedLastLine(string classList)
    {
        if (!File.Exists(classList))
        {
            throw new ClassDataException($"the training run wrote no class list ({classList})");
        }

        var text = File.ReadAllText(classList);
        if (!text.EndsWith('\n'))
        {
            File.WriteAllText(classList, text[..(text.LastIndexOf('\n') + 1)]);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
