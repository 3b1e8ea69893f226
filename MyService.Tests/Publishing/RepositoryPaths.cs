namespace MyService.Tests.Publishing;

internal static class RepositoryPaths
{
    /// <summary>The checkout the tests were built from (the folder with MyService.sln).</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MyService.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No MyService.sln above {AppContext.BaseDirectory}.");
    }
}
