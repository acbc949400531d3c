using System.Text;

namespace Smooth.Core.Git;

/// <summary>
/// Lays out a new, empty git directory the way <c>git init</c> does, minus hook samples and description: the host
/// makes two per sandbox run and a process each was a measurable part of a run's start. The object format follows
/// the user's repository (a SHA-256 repository cannot fetch into a SHA-1 one).
/// </summary>
public static class GitDirectory
{
    /// <summary>Creates <paramref name="gitDir"/> (it must not hold a repository yet) with HEAD on <paramref name="branch"/>.</summary>
    /// <param name="gitDir">The directory itself: <c>.git</c> of a work tree, or a bare repository's directory.</param>
    /// <param name="bare">Whether the repository has no work tree.</param>
    /// <param name="objectFormat"><c>sha1</c> or <c>sha256</c>, as <c>git rev-parse --show-object-format</c> prints it.</param>
    /// <param name="branch">The branch HEAD names.</param>
    /// <param name="extraConfig">Config sections appended verbatim (for example the identity of commits made there).</param>
    public static void Create(string gitDir, bool bare, string objectFormat, string branch, string extraConfig = "")
    {
        if (objectFormat is not ("sha1" or "sha256"))
        {
            throw new SmoothException($"unknown git object format '{objectFormat}'", "Smooth works with sha1 and sha256 repositories");
        }
        if (File.Exists(Path.Combine(gitDir, "HEAD")))
        {
            throw new SmoothException($"'{gitDir}' already holds a git repository");
        }
        // The directories git init makes from its templates, empty (no sample hooks): tools expect hooks/ and info/.
        foreach (var sub in new[] { "objects/info", "objects/pack", "refs/heads", "refs/tags", "hooks", "info", "branches" })
        {
            Directory.CreateDirectory(Path.Combine(gitDir, sub));
        }
        var config = new StringBuilder()
            .Append("[core]\n")
            .Append(objectFormat == "sha1" ? "\trepositoryformatversion = 0\n" : "\trepositoryformatversion = 1\n")
            .Append("\tfilemode = true\n")
            .Append(bare ? "\tbare = true\n" : "\tbare = false\n\tlogallrefupdates = true\n");
        if (objectFormat == "sha256") config.Append("[extensions]\n\tobjectformat = sha256\n");
        config.Append(extraConfig);
        File.WriteAllText(Path.Combine(gitDir, "config"), config.ToString());
        // HEAD last: git recognises a repository by it, so a half-made directory is never taken for one.
        File.WriteAllText(Path.Combine(gitDir, "HEAD"), $"ref: refs/heads/{branch}\n");
    }
}
