namespace MyService.Hosting.Publishing.Validation;

/// <summary>Collects every problem of one file, so validation reports them all at once instead of stopping at the first.</summary>
internal sealed class ProblemList(string file)
{
    private readonly List<ValidationProblem> _problems = [];

    public string File { get; } = file;

    public IReadOnlyList<ValidationProblem> Problems => _problems;

    public void Error(string field, int? line, string message, string fix) =>
        _problems.Add(new ValidationProblem(ProblemSeverity.Error, File, line, field, message, fix));

    public void Warning(string field, int? line, string message, string fix) =>
        _problems.Add(new ValidationProblem(ProblemSeverity.Warning, File, line, field, message, fix));
}
