using System.Text.RegularExpressions;

namespace MyService.Tests.Publishing;

/// <summary>One fenced ```yaml block of a platform document: the file it is in, the line its fence opens on, and its text as written.</summary>
internal sealed record DocumentExample(string Document, int Line, string Text)
{
    /// <summary>What the block's first comment calls it (<c># category-service.yml</c>), else its place.</summary>
    public string Name => Text.Split('\n')[0].StartsWith("# ", StringComparison.Ordinal) ? Text.Split('\n')[0][2..].Trim() : $"block at line {Line}";

    public override string ToString() => $"{Document}:{Line} ({Name})";
}

/// <summary>
/// The platform's FSD documents, the only description of FSD there is: the FSD files they give as working examples
/// are, by definition, files the platform deploys. The repository keeps them in docs/platform; FSD_PLATFORM_DOCUMENTS
/// names another folder (another edition of the documents) instead.
/// </summary>
internal static partial class PlatformDocuments
{
    public const string FolderVariable = "FSD_PLATFORM_DOCUMENTS";

    public static string Folder()
    {
        var configured = Environment.GetEnvironmentVariable(FolderVariable);
        var folder = string.IsNullOrWhiteSpace(configured) ? Path.Combine(TestSupport.RepositoryRoot.Path, "docs", "platform") : configured;
        Assert.True(Directory.Exists(folder), $"The platform's FSD documents are not at {folder}: set {FolderVariable} to their folder, or restore docs/platform.");
        return folder;
    }

    /// <summary>Every ```yaml block of every document, in document order.</summary>
    public static IReadOnlyList<DocumentExample> YamlBlocks()
    {
        var examples = new List<DocumentExample>();
        foreach (var path in Directory.EnumerateFiles(Folder(), "*.txt").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(path).ReplaceLineEndings("\n");
            foreach (Match block in YamlBlock().Matches(text))
            {
                var line = text.AsSpan(0, block.Index).Count('\n') + 1;
                examples.Add(new DocumentExample(Path.GetFileName(path), line, block.Groups[1].Value));
            }
        }

        return examples;
    }

    /// <summary>The FSD service files the documents give: the yaml blocks with <c>apiVersion: fsd/v1</c>.</summary>
    public static IReadOnlyList<DocumentExample> FsdExamples() =>
        [.. YamlBlocks().Where(b => b.Text.Contains("apiVersion: fsd/v1", StringComparison.Ordinal))];

    /// <summary>The GitHub Actions workflows the documents give (blocks that start with <c># .github/workflows/</c>).</summary>
    public static IReadOnlyList<DocumentExample> WorkflowExamples() =>
        [.. YamlBlocks().Where(b => b.Text.StartsWith("# .github/workflows/", StringComparison.Ordinal))];

    [GeneratedRegex(@"^```yaml[ \t]*\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
