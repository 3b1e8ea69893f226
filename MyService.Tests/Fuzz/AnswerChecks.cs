using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace MyService.Tests.Fuzz;

/// <summary>The properties every answer must have, whatever was asked.</summary>
public static class AnswerChecks
{
    // What a leaked exception looks like in a body: a stack frame, an exception type, a source line.
    private static readonly string[] Leaks = ["   at ", "Exception", "System.", ".cs:line", "Microsoft.AspNetCore"];

    /// <summary>What every surface owes every request: an answer below 500 with no exception in its body.</summary>
    public static void CheckAnswer(FuzzRun run, FuzzRequest request, FuzzClient.Answer answer)
    {
        run.Answered(answer.Status);
        if (answer.Status >= 500)
        {
            run.Violation(request, $"answered {answer.Status}: {Text(answer.Body)}");
            return;
        }

        var text = Encoding.UTF8.GetString(answer.Body);
        if (Leaks.FirstOrDefault(leak => text.Contains(leak, StringComparison.Ordinal)) is { } leak)
        {
            run.Violation(request, $"answered {answer.Status} with '{leak}' in its body: {Text(answer.Body)}");
        }
    }

    /// <summary>What the API owes on top: its 4xx are problem details, unless the client's Accept rules JSON out.</summary>
    public static void CheckApiAnswer(FuzzRun run, FuzzRequest request, FuzzClient.Answer answer)
    {
        if (answer.Status is >= 400 and < 500 && request.Method != "HEAD" && WantsJson(request) && !RefusedByKestrel(request, answer))
        {
            CheckProblem(run, request, answer);
        }
    }

    /// <summary>4xx as RFC 7807 problem details; the ones about the request's content name the field in <c>errors</c>.</summary>
    private static void CheckProblem(FuzzRun run, FuzzRequest request, FuzzClient.Answer answer)
    {
        var (status, contentType, _, body) = answer;
        if (contentType?.MediaType != "application/problem+json")
        {
            run.Violation(request, $"answered {status} as '{contentType}', not application/problem+json: {Text(body)}");
            return;
        }

        try
        {
            using var problem = JsonDocument.Parse(body);
            if (!problem.RootElement.TryGetProperty("status", out var stated) || stated.GetInt32() != status)
            {
                run.Violation(request, $"answered {status} with a problem whose status is not {status}: {Text(body)}");
            }

            var fields = problem.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
                ? errors.EnumerateObject().Select(e => e.Name).ToList()
                : [];
            if (status is 400 or 409 or 413 or 415 && (fields.Count == 0 || fields.Any(string.IsNullOrWhiteSpace)))
            {
                run.Violation(request, $"answered {status} without naming the field in errors: {Text(body)}");
            }
            else if (ExpectedFields(status) is { } expected && !fields.All(expected.Contains))
            {
                run.Violation(request, $"answered {status} naming {string.Join(", ", fields)}, not one of {string.Join(", ", expected)}: {Text(body)}");
            }
        }
        catch (JsonException)
        {
            run.Violation(request, $"answered {status} with a problem that is not JSON: {Text(body)}");
        }
    }

    /// <summary>The only fields a status can be about: the body's size, its media type or coding, the unique email.</summary>
    private static string[]? ExpectedFields(int status) => status switch
    {
        409 => ["email"],
        413 => ["body"],
        415 => ["Content-Type", "Content-Encoding"],
        _ => null,
    };

    /// <summary>
    /// Whether the client accepts JSON, as the problem details writer decides: no usable Accept range at all, or one
    /// naming JSON or a wildcard with a quality above 0 (every Accept header counts).
    /// </summary>
    private static bool WantsJson(FuzzRequest request)
    {
        var ranges = request.Headers
            .Where(h => h.Key.Equals("Accept", StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value.Split(','))
            .Select(v => MediaTypeWithQualityHeaderValue.TryParse(v.Trim(), out var range) ? range : null)
            .OfType<MediaTypeWithQualityHeaderValue>()
            .ToList();
        return ranges.Count == 0 || ranges.Any(r => r.Quality is not 0
            && (r.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true || r.MediaType is "*/*" or "application/*"));
    }

    /// <summary>
    /// Kestrel's own refusal, before any middleware: an empty 400 for a path with an escaped NUL, 431 for headers over
    /// its 32 KB. No application code runs, so no problem details can be written.
    /// </summary>
    private static bool RefusedByKestrel(FuzzRequest request, FuzzClient.Answer answer) =>
        answer.Body.Length == 0 && (answer.Status == 431 || answer.Status == 400 && request.Target.Contains("%00", StringComparison.Ordinal));

    private static string Text(byte[] body) => body.Length == 0 ? "(empty)" : Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)));
}
