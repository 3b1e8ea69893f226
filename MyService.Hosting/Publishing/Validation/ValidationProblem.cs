namespace MyService.Hosting.Publishing.Validation;

/// <summary>One finding, an error or a warning: where (file, line when known, field path), what is wrong, and how to fix it.</summary>
internal sealed record ValidationProblem(bool IsError, string File, int? Line, string Field, string Message, string Fix)
{
    public override string ToString() =>
        $"{(IsError ? "error" : "warning")}: {File}{(Line is { } line ? $":{line}" : "")}: {Field}: {Message} Fix: {Fix}";
}

/// <summary>Collects every problem of one file, so validation reports them all at once instead of stopping at the first.</summary>
internal sealed class ProblemList(string file)
{
    public List<ValidationProblem> Problems { get; } = [];

    public void Error(string field, int? line, string message, string fix) => ErrorIf(true, field, line, message, fix);

    public void Warning(string field, int? line, string message, string fix) => WarningIf(true, field, line, message, fix);

    /// <summary>Reports an error when <paramref name="when"/>: the shape of most rules, a condition and what to say about it.</summary>
    public void ErrorIf(bool when, string field, int? line, string message, string fix) => Add(when, true, field, line, message, fix);

    public void WarningIf(bool when, string field, int? line, string message, string fix) => Add(when, false, field, line, message, fix);

    private void Add(bool when, bool isError, string field, int? line, string message, string fix)
    {
        if (when)
        {
            Problems.Add(new ValidationProblem(isError, file, line, field, message, fix));
        }
    }
}
