namespace MyService.Hosting.Ports;

/// <summary>A fixed port something else already listens on, with who and how to move off it.</summary>
public sealed record TakenPort(string Resource, string Endpoint, int Port, string Owner, string Fix)
{
    public string Message => $"Port {Port} ({Resource}, endpoint '{Endpoint}') is already in use by {Owner}. {Fix}";
}
