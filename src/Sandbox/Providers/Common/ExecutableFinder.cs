namespace Smooth.Sandbox.Providers.Common;

/// <summary>Resolves a program name against PATH the way exec does.</summary>
internal static class ExecutableFinder
{
    /// <summary>The absolute path of <paramref name="program"/>, or null when it is not installed.</summary>
    internal static string? Find(string program)
    {
        if (program.Contains('/'))
        {
            return File.Exists(program) ? Path.GetFullPath(program) : null;
        }
        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        foreach (var dir in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
