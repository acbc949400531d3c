using System.Security.Cryptography;
using Smooth.TestSupport;

namespace Smooth.Sandbox.Tests;

/// <summary>Helpers over a real test repository.</summary>
internal static class Repo
{
    public static async Task<TempDir> CreateAsync(Dictionary<string, string>? files = null)
    {
        var repo = await Git.CreateRepoAsync(files ?? new Dictionary<string, string>
        {
            ["README.md"] = "# demo\n",
            ["src/app.txt"] = "alpha\nbeta\ngamma\n",
            ["old-name.txt"] = "to be renamed\n",
            ["gone.txt"] = "to be deleted\n",
        });
        await Th.RunOkAsync(repo.Path, "init");
        return repo;
    }

    /// <summary>A digest of every file (path, mode, content) outside .git and .smooth, to prove a tree did not change.</summary>
    public static string TreeDigest(string root)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                     .Where(f => !f.Contains("/.git/") && !f.Contains("/.smooth/")).Order(StringComparer.Ordinal))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file) + "\0" + File.GetUnixFileMode(file) + "\0"));
            sha.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }
}
