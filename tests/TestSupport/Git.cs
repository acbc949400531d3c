using Smooth.Core.Processes;

namespace Smooth.TestSupport;

/// <summary>Runs the real git CLI in tests.</summary>
public static class Git
{
    private static readonly Dictionary<string, string?> Identity = new()
    {
        ["GIT_AUTHOR_NAME"] = "Smooth Test",
        ["GIT_AUTHOR_EMAIL"] = "test@smooth.invalid",
        ["GIT_COMMITTER_NAME"] = "Smooth Test",
        ["GIT_COMMITTER_EMAIL"] = "test@smooth.invalid",
        ["GIT_CONFIG_NOSYSTEM"] = "1",
    };

    /// <summary>Runs git in <paramref name="dir"/>; throws with stderr when it fails; returns stdout.</summary>
    public static async Task<string> RunAsync(string dir, params string[] args)
    {
        var result = await ProcessRunner.RunCheckedAsync("git", args, new ProcessOptions { WorkingDirectory = dir, Environment = Identity }, CancellationToken.None);
        return result.StandardOutput;
    }

    /// <summary>Creates a git repository in a new temp directory with one commit holding <paramref name="files"/>.</summary>
    public static async Task<TempDir> CreateRepoAsync(IReadOnlyDictionary<string, string>? files = null)
    {
        var dir = new TempDir("smooth-repo");
        await RunAsync(dir.Path, "init", "-q", "-b", "main");
        await RunAsync(dir.Path, "config", "user.name", "Smooth Test");
        await RunAsync(dir.Path, "config", "user.email", "test@smooth.invalid");
        files ??= new Dictionary<string, string> { ["README.md"] = "# test repo\n" };
        foreach (var (path, content) in files)
        {
            var full = dir.Combine(path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, content);
        }
        await RunAsync(dir.Path, "add", "-A");
        await RunAsync(dir.Path, "commit", "-q", "-m", "initial");
        return dir;
    }
}
