using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MyService.Api.Http.OpenApi;

/// <summary>
/// Writes <see cref="ParameterMetadata"/>, <see cref="RequestHeaderMetadata"/> and <see cref="ResponseHeaderMetadata"/>
/// into each operation. Metadata that names a parameter or status the operation lacks is a mistake in the endpoint's
/// description and fails the document, so it cannot silently drift.
/// </summary>
internal sealed class EndpointMetadataTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        foreach (var parameter in metadata.OfType<ParameterMetadata>())
        {
            Describe(operation, parameter);
        }

        foreach (var header in metadata.OfType<RequestHeaderMetadata>())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = header.Name,
                In = ParameterLocation.Header,
                Required = false,
                Description = header.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        foreach (var header in metadata.OfType<ResponseHeaderMetadata>())
        {
            var status = header.StatusCode.ToString(CultureInfo.InvariantCulture);
            if (operation.Responses?.GetValueOrDefault(status) is not OpenApiResponse response)
            {
                throw new InvalidOperationException($"{operation.OperationId} documents the {header.Name} header on a {status} it does not produce.");
            }

            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[header.Name] = new OpenApiHeader
            {
                Description = header.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }

        return Task.CompletedTask;
    }

    private static void Describe(OpenApiOperation operation, ParameterMetadata metadata)
    {
        var parameter = operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == metadata.Name)
            ?? throw new InvalidOperationException($"{operation.OperationId} describes a parameter '{metadata.Name}' it does not have.");
        parameter.Description = metadata.Description;
        if (metadata.Minimum is not { } minimum)
        {
            return;
        }

        parameter.Schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = metadata.Maximum <= int.MaxValue ? "int32" : "int64",
            Minimum = minimum.ToString(CultureInfo.InvariantCulture),
            Maximum = metadata.Maximum?.ToString(CultureInfo.InvariantCulture),
            Default = metadata.Default is { } value ? JsonValue.Create(value) : null,
        };
    }
}
