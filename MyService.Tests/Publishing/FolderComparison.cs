namespace MyService.Tests.Publishing;

internal static class FolderComparison
{
    /// <summary>Files missing, extra or different (byte for byte), with the first differing line of each.</summary>
    public static List<string> Differences(string expected, string actual)
    {
        var expectedFiles = Files(expected);
        var actualFiles = Files(actual);
        var differences = new List<string>();
        differences.AddRange(expectedFiles.Except(actualFiles).Select(f => $"{f}: no longer published (delete it)"));
        differences.AddRange(actualFiles.Except(expectedFiles).Select(f => $"{f}: published but not committed"));
        foreach (var file in expectedFiles.Intersect(actualFiles))
        {
            var (a, b) = (File.ReadAllBytes(Path.Combine(expected, file)), File.ReadAllBytes(Path.Combine(actual, file)));
            if (!a.AsSpan().SequenceEqual(b))
            {
                var (expectedLines, actualLines) = (File.ReadAllLines(Path.Combine(expected, file)), File.ReadAllLines(Path.Combine(actual, file)));
                var line = Enumerable.Range(0, Math.Max(expectedLines.Length, actualLines.Length))
                    .FirstOrDefault(i => expectedLines.ElementAtOrDefault(i) != actualLines.ElementAtOrDefault(i));
                differences.Add($"{file}:{line + 1}: committed '{expectedLines.ElementAtOrDefault(line)}', published '{actualLines.ElementAtOrDefault(line)}'");
            }
        }

        return differences;
    }

    /// <summary>Every file of <paramref name="from"/> into <paramref name="to"/>, with its folders.</summary>
    public static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static List<string> Files(string root) =>
        Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)]
            : [];
}
