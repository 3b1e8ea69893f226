namespace MyService.Api.Http.OpenApi;

/// <summary>Adds the metadata that <see cref="EndpointMetadataTransformer"/> turns into headers and parameters.</summary>
internal static class OpenApiMetadataExtensions
{
    public static TBuilder WithResponseHeader<TBuilder>(this TBuilder builder, int statusCode, string name, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ResponseHeaderMetadata(statusCode, name, description));

    public static TBuilder WithRequestHeader<TBuilder>(this TBuilder builder, string name, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestHeaderMetadata(name, description));

    public static TBuilder WithParameter<TBuilder>(this TBuilder builder, ParameterMetadata parameter)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(parameter);
}
