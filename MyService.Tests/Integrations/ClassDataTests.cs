using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.Versioning;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using MyService.Hosting.DynamoDB;

namespace MyService.Tests.Integrations;

/// <summary>
/// DynamoDB Local's class-data sharing archive: the launch jar's manifest, that the archive made from the installed
/// package really maps (the JVM ignores one it cannot map without a word), and that a failure to make one is said
/// once, remembered and never stops a start.
/// </summary>
public sealed class ClassDataTests
{
    private const string Manifest =
        "Manifest-Version: 1.0\r\n" +
        "Main-Class: software.amazon.dynamodb.services.local.main.ServerRunner\r\n" +
        "Class-Path: . log4j2.xml DynamoDBLocal_lib/Apache-HttpComponents-HttpC\r\n" +
        " lient-4.5.x.jar DynamoDBLocal_lib/AwsFlowJava-1.0.jar DynamoDBLocal_li\r\n" +
        " b/sqlite4java.jar\r\n" +
        "Bundle-Description: short\r\n\r\n";

    [Fact]
    public void LaunchJarManifest_KeepsOnlyTheJarsOnItsClassPath_FoldedAt72Bytes()
    {
        var rewritten = LaunchJar.JarsOnly(Manifest);

        var lines = rewritten.Split("\r\n");
        Assert.All(lines, line => Assert.InRange(Encoding.UTF8.GetByteCount(line), 0, 72));
        var unfolded = rewritten.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains(
            "Class-Path: DynamoDBLocal_lib/Apache-HttpComponents-HttpClient-4.5.x.jar DynamoDBLocal_lib/AwsFlowJava-1.0.jar DynamoDBLocal_lib/sqlite4java.jar\r\n",
            unfolded, StringComparison.Ordinal);
        Assert.StartsWith("Manifest-Version: 1.0\r\nMain-Class: software.amazon.dynamodb.services.local.main.ServerRunner\r\n", unfolded, StringComparison.Ordinal);
        Assert.EndsWith("Bundle-Description: short\r\n\r\n", unfolded, StringComparison.Ordinal);
    }

    [Fact]
    public void LaunchJar_IsTheJarWithOnlyItsManifestChanged()
    {
        using var folder = new TempDirectory();
        var jar = WriteJar(folder.File("DynamoDBLocal.jar"));
        var launchJar = LaunchJar.PathFor(jar);

        LaunchJar.Write(jar, launchJar);

        using var zip = ZipFile.OpenRead(launchJar);
        Assert.Equal(["META-INF/MANIFEST.MF", "com/example/Main.class"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var classReader = new StreamReader(zip.GetEntry("com/example/Main.class")!.Open());
        Assert.Equal("class bytes", classReader.ReadToEnd());
        using var manifestReader = new StreamReader(zip.GetEntry("META-INF/MANIFEST.MF")!.Open());
        Assert.Equal(LaunchJar.JarsOnly(Manifest), manifestReader.ReadToEnd());
        Assert.False(File.Exists(launchJar + ".partial"));
    }

    /// <summary>The stand-in java is a shell script: the tests run on Linux (test.sh).</summary>
    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task AJavaThatCannotMakeTheArchive_StartsWithout_SaysWhyOnce_AndIsNotTriedAgain()
    {
        using var folder = new TempDirectory();
        var jar = WriteJar(folder.File("DynamoDBLocal.jar"));
        var calls = folder.File("calls");
        var java = folder.File("java");
        await File.WriteAllTextAsync(java, $"#!/bin/sh\necho run >> '{calls}'\necho 'Error: no such option' >&2\nexit 3\n");
        File.SetUnixFileMode(java, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var logs = new FakeLogCollector();
        using var loggers = new FakeLoggerProvider(logs);
        var log = loggers.CreateLogger("dynamodb");
        var states = new List<string>();

        var first = await ClassDataPreparer.EnsureAsync(java, jar, folder.Path, log, states.Add, CancellationToken.None).WithTimeout();
        var second = await ClassDataPreparer.EnsureAsync(java, jar, folder.Path, log, states.Add, CancellationToken.None).WithTimeout();

        Assert.Null(first);
        Assert.Null(second);
        Assert.Equal(["Preparing"], states);
        Assert.Single(await File.ReadAllLinesAsync(calls));
        var warnings = logs.GetSnapshot().Where(r => r.Level == LogLevel.Warning).Select(r => r.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Contains("exited with 3 before it answered", w, StringComparison.Ordinal));
        var off = Assert.Single(Directory.GetFiles(Path.Combine(folder.Path, "class-data"), "*.off"));
        Assert.All(warnings, w => Assert.Contains($"Delete {off} to try again", w, StringComparison.Ordinal));
    }

    /// <summary>-Xshare:on makes the JVM fail instead of starting without the archive, so a stale one shows here.</summary>
    [Fact]
    public async Task TheInstalledPackagesArchive_IsMappedByItsJava()
    {
        var configuration = new ConfigurationBuilder().Build();
        var java = JavaLocator.Find(configuration, Environment.GetEnvironmentVariable) ?? throw new InvalidOperationException(JavaLocator.Missing(configuration));
        using var installer = new DynamoDBLocalInstaller(configuration);
        var jar = await installer.EnsureInstalledAsync(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, _ => { }, CancellationToken.None).WithTimeout(TimeSpan.FromMinutes(3));
        var logs = new FakeLogCollector();
        using var loggers = new FakeLoggerProvider(logs);

        var archive = await ClassDataPreparer.EnsureAsync(java, jar, installer.CacheDirectory, loggers.CreateLogger("dynamodb"), _ => { }, CancellationToken.None).WithTimeout(TimeSpan.FromMinutes(3));

        Assert.True(archive is not null, string.Join(Environment.NewLine, logs.GetSnapshot().Select(r => r.Message)));
        var info = new ProcessStartInfo(java, ["-Xshare:on", $"-XX:SharedArchiveFile={archive.ArchiveFile}", "-cp", archive.LaunchJar, "-version"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WithTimeout();
        Assert.True(process.ExitCode == 0, await error.WithTimeout());
    }

    private static string WriteJar(string path)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry("META-INF/MANIFEST.MF").Open()))
        {
            writer.Write(Manifest);
        }

        using (var writer = new StreamWriter(zip.CreateEntry("com/example/Main.class").Open()))
        {
            writer.Write("class bytes");
        }

        return path;
    }
}
