namespace MyService.Hosting.ApplicationModel;

/// <summary>Records that a variable comes from a parameter, so displays mask it when the parameter is secret.</summary>
public sealed class EnvironmentParameterAnnotation(string name, ParameterResource parameter) : IResourceAnnotation
{
    public string Name { get; } = name;

    public ParameterResource Parameter { get; } = parameter;
}
