namespace MyService.Hosting.Publishing.Validation;

internal enum ProblemSeverity
{
    Error,
    Warning,
}

/// <summary>One finding: where (file, line when known, field path), what is wrong, and how to fix it.</summary>
internal sealed record ValidationProblem(ProblemSeverity Severity, string File, int? Line, string Field, string Message, string Fix)
{
    public bool IsError => Severity == ProblemSeverity.Error;

    public override string ToString() =>
        $"{(IsError ? "error" : "warning")}: {File}{(Line is { } line ? $":{line}" : "")}: {Field}: {Message} Fix: {Fix}";
}
