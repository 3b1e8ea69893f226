using Microsoft.AspNetCore.Http.HttpResults;

namespace MyService.Api.Http;

/// <summary>The RFC 7807 answers the API gives, each naming the field or value at fault.</summary>
internal static class Problems
{
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult NotFound(string entity, long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"There is no {entity} with id {id}.");

    public static ProblemHttpResult Conflict(string entity, string field) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Conflict",
            detail: $"Another {entity} already has this {field}.",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [$"The {field} is already taken."] } });

    public static ProblemHttpResult VersionMismatch(string entity, long id, long current) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status412PreconditionFailed,
            title: "Precondition Failed",
            detail: $"The {entity} {id} is at version {current}; If-Match named another. Read it again and retry.",
            extensions: new Dictionary<string, object?> { ["currentVersion"] = current });
}
