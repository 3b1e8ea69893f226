using MyService.Hosting.Publishing.Model;

namespace MyService.Hosting.Publishing.Validation.Fsd;

/// <summary>
/// service.volumes: a mount without an absolute path, or an EFS volume without its file system, cannot be mounted (errors);
/// a volume that is not EFS mounts, but is lost with the task (a warning; a SQLite file on it is an error of its own).
/// </summary>
internal static class FsdVolumeRules
{
    public static void Check(FsdRuleContext c)
    {
        var index = 0;
        foreach (var volume in c.Yaml.Items("service.volumes"))
        {
            var field = $"service.volumes[{index++}]";
            var line = (int)volume.Start.Line;
            if (YamlView.Node(volume, "efs") is null)
            {
                c.Problems.Warning($"{field}.efs", line, "is missing: the volume is the task's own storage, lost when the task stops.", "mount an EFS file system (efs.fileSystemId; a ${...} placeholder is fine).");
            }
            else if (YamlView.Text(volume, "efs.fileSystemId") is null)
            {
                c.Problems.Error($"{field}.efs.fileSystemId", line, "is missing: ECS cannot mount an EFS volume without its file system.", "set efs.fileSystemId (a ${...} placeholder is fine).");
            }

            if (YamlView.Text(volume, "mountPath") is not { } mount || !mount.StartsWith('/'))
            {
                c.Problems.Error($"{field}.mountPath", line, "is not an absolute path: a container mounts a volume only at one.", $"set mountPath, e.g. {DeploymentDefaults.DataMountPath}.");
            }
        }
    }
}
