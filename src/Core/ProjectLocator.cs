namespace Smooth.Core;

/// <summary>
/// Finds the project a command works on by walking up from a directory, the way git finds its repository.
/// </summary>
public static class ProjectLocator
{
    /// <summary>The name of the per-project state directory.</summary>
    public const string StateDirName = ".smooth";

    /// <summary>
    /// The user's own state directory, <c>~/.smooth</c>: HOME first (so <c>th demo</c> and tests can point it
    /// elsewhere), then the platform's profile directory.
    /// </summary>
    public static string UserStateDir()
    {
        var home = Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (string.IsNullOrEmpty(home))
        {
            throw new SmoothException("cannot find the home directory (HOME is not set)", "set HOME", ExitCodes.Environment);
        }
        return Path.Combine(home, StateDirName);
    }

    /// <summary>
    /// Returns the nearest ancestor of <paramref name="start"/> (inclusive) that holds a <c>.smooth</c> directory,
    /// or null when there is none.
    /// </summary>
    public static string? FindProjectRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, StateDirName)))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    /// <summary>Returns the nearest ancestor (inclusive) holding a <c>.git</c> directory or file, or null.</summary>
    public static string? FindGitRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    /// <summary>
    /// Like <see cref="FindProjectRoot"/> but throws a helpful error when the directory is not inside a project.
    /// </summary>
    public static string RequireProjectRoot(string start)
    {
        return FindProjectRoot(start) ?? throw new SmoothException(
            $"not inside a Smooth project (no {StateDirName}/ directory in '{start}' or any parent)",
            "run 'th init' at the root of your repository first",
            ExitCodes.Environment);
    }

    /// <summary>The <c>.smooth</c> directory of a project root.</summary>
    public static string StateDir(string projectRoot) => Path.Combine(projectRoot, StateDirName);
}
