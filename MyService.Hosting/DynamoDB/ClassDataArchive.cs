namespace MyService.Hosting.DynamoDB;

/// <summary>How DynamoDB Local starts with class-data sharing: the jar to launch and the archive mapped at start.</summary>
/// <param name="LaunchJar">A copy of DynamoDBLocal.jar whose manifest's Class-Path lists only its jars.</param>
/// <param name="ArchiveFile">The AppCDS archive made for that jar and the java that runs it.</param>
internal sealed record ClassDataArchive(string LaunchJar, string ArchiveFile);
