using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MyService.Api.Http.OpenApi;

/// <summary>
/// The API's JSON options are <c>JsonSerializerDefaults.Web</c>, whose reader also accepts numbers in strings, so
/// ASP.NET Core documents every number as "integer or string with a pattern". The API writes numbers as JSON
/// numbers, and only its responses hold numbers (no request body has one), so the document says just that: a
/// generated client then reads <c>long</c>, not a union.
/// </summary>
internal sealed class WrittenNumberSchemaTransformer : IOpenApiSchemaTransformer
{
    private const JsonSchemaType Numeric = JsonSchemaType.Integer | JsonSchemaType.Number;

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && (type & Numeric) != 0 && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }
}
