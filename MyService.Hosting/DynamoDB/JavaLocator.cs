using Microsoft.Extensions.Configuration;

namespace MyService.Hosting.DynamoDB;

/// <summary>Which <c>java</c> runs DynamoDB Local: the configured one, else JAVA_HOME's, else the one on PATH.</summary>
internal static class JavaLocator
{
    private const string InstallHint = "install Java 17 or newer (apt-get install openjdk-17-jre-headless)";

    /// <returns>The full path of the java to run, or null when there is none.</returns>
    /// <param name="environment">Reads an environment variable (JAVA_HOME); the tests pass their own.</param>
    public static string? Find(IConfiguration configuration, Func<string, string?> environment)
    {
        if (configuration[DynamoDBLocalResourceBuilderExtensions.JavaKey] is { Length: > 0 } configured)
        {
            // A value with a directory in it is a path; a bare name is a command looked up on PATH, as a shell would.
            return configured.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
                ? File.Exists(configured) ? Path.GetFullPath(configured) : null
                : Tools.Find(configured);
        }

        if (environment("JAVA_HOME") is { Length: > 0 } javaHome && Path.Combine(javaHome, "bin", "java") is var inJavaHome && File.Exists(inJavaHome))
        {
            return inJavaHome;
        }

        return Tools.Find("java");
    }

    /// <summary>The one line that says why there is no java and what to do.</summary>
    public static string Missing(IConfiguration configuration) =>
        configuration[DynamoDBLocalResourceBuilderExtensions.JavaKey] is { Length: > 0 } configured
            ? $"DynamoDB Local needs Java, and {DynamoDBLocalResourceBuilderExtensions.JavaKey} names '{configured}', which is not there: {InstallHint} or point {DynamoDBLocalResourceBuilderExtensions.JavaKey} at a java, then start this resource again."
            : $"DynamoDB Local needs Java, and there is no 'java' on PATH nor in JAVA_HOME: {InstallHint} or set {DynamoDBLocalResourceBuilderExtensions.JavaKey} to its path, then start this resource again.";
}
