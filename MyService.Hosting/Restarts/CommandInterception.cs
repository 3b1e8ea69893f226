namespace MyService.Hosting.Restarts;

/// <summary>Replaces a resource's lifecycle command with one that first runs <c>before</c>, then the original.</summary>
internal static class CommandInterception
{
    /// <returns>False when the resource has no such command (yet).</returns>
    public static bool Wrap(IResource resource, string commandName, Func<ExecuteCommandContext, Task> before)
    {
        var original = resource.Annotations.OfType<ResourceCommandAnnotation>().FirstOrDefault(c => c.Name == commandName);
        if (original is null)
        {
            return false;
        }

        var wrapped = new ResourceCommandAnnotation(
            original.Name,
            original.DisplayName,
            original.UpdateState,
            async context =>
            {
                await before(context);
                return await original.ExecuteCommand(context);
            },
            original.DisplayDescription,
            original.Arguments,
            original.ConfirmationMessage,
            original.IconName,
            original.IconVariant,
            original.IsHighlighted,
            original.Visibility,
            original.ValidateArguments);
        var index = resource.Annotations.IndexOf(original);
        resource.Annotations[index] = wrapped;
        return true;
    }
}
