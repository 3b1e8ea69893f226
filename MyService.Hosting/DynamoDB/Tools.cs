namespace MyService.Hosting.DynamoDB;

/// <summary>Programs DynamoDB Local needs from the machine.</summary>
internal static class Tools
{
    /// <summary>The full path of <paramref name="command"/> on PATH, or null.</summary>
    public static string? Find(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, command))
            .FirstOrDefault(File.Exists);
}
