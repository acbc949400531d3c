namespace Smooth.Surveillance;

/// <summary>Settings of a <see cref="SurveillanceEngine"/>. The protected paths belong to policy; these are the defaults.</summary>
public sealed record SurveillanceOptions
{
    /// <summary>The write guard's default protected globs: git hooks and config, CI workflows, Smooth's own state, shell start-up files.</summary>
    public static IReadOnlyList<string> DefaultProtectedPaths { get; } =
    [
        "**/.git/hooks/**", "**/.git/config", ".github/workflows/**", ".smooth/**", ".husky/**", ".envrc",
        ".bashrc", ".bash_profile", ".bash_login", ".bash_logout", ".profile", ".zshrc", ".zprofile", ".zshenv", ".zlogin",
        ".config/fish/config.fish",
    ];

    /// <summary>Globs (see <see cref="Guards.PathGlob"/>) a write must not touch.</summary>
    public IReadOnlyList<string> ProtectedPaths { get; init; } = DefaultProtectedPaths;
    /// <summary>The workspace as the tools see it; absolute paths under it are made relative before matching.</summary>
    public string WorkspaceRoot { get; init; } = "/workspace";
    /// <summary>Block writes whose path leaves the workspace (<c>../</c> above the root, other absolute paths, <c>~</c>).</summary>
    public bool BlockWritesOutsideWorkspace { get; init; } = true;
    /// <summary>Tools whose <c>command</c> argument is a shell command.</summary>
    public IReadOnlyList<string> ShellTools { get; init; } = ["bash", "shell", "sh", "run_command", "exec", "terminal"];
    /// <summary>
    /// Texts of at least this many characters have the parts of a scan that need nothing the rules find (the learned
    /// scorer's read, the second look at disguised lines) done on a second core while the rules run (0 or less: never).
    /// A 64 KiB tool result is answered sooner on a machine with a core to spare; below a few KiB the hand-off to the
    /// thread pool costs about what it saves. The findings are the same either way.
    /// </summary>
    public int ParallelScanFrom { get; init; } = 16 * 1024;
    /// <summary>Tools that write files (path in <c>path</c>/<c>file_path</c>, content in <c>content</c>/<c>new</c>/..., or a patch).</summary>
    public IReadOnlyList<string> WriteTools { get; init; } = ["write_file", "edit_file", "apply_patch", "create_file", "str_replace", "multi_edit"];
}
