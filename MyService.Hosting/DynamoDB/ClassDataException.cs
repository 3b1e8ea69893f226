namespace MyService.Hosting.DynamoDB;

/// <summary>The class-data archive could not be made; DynamoDB Local starts without it.</summary>
internal sealed class ClassDataException(string message) : Exception(message);
