using Smooth.Core.Processes;

namespace Smooth.TestSupport;

/// <summary>
/// Runs the installed <c>th</c> binary as a separate process, the way a user does.
/// test.sh installs it into artifacts/test-install; <c>TH_BIN</c> overrides the path.
/// </summary>
public static class Th
{
    private static readonly Lazy<string> BinaryPath = new(Locate);

    /// <summary>The path of the th binary under test.</summary>
    public static string Binary => BinaryPath.Value;

    /// <summary>The repository root (the directory holding Smooth.slnx).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Runs th with <paramref name="args"/> in <paramref name="cwd"/>; HOME is <paramref name="home"/> when given.</summary>
    public static Task<ProcessResult> RunAsync(string cwd, IEnumerable<string> args, string? home = null, string? stdin = null,
        IReadOnlyDictionary<string, string?>? env = null, TimeSpan? timeout = null, CancellationToken ct = default)
    {
        var environment = new Dictionary<string, string?> { ["NO_COLOR"] = "1" };
        if (home is not null)
        {
            environment["HOME"] = home;
        }
        if (env is not null)
        {
            foreach (var (k, v) in env) environment[k] = v;
        }
        return ProcessRunner.RunAsync(Binary, args, new ProcessOptions
        {
            WorkingDirectory = cwd,
            Environment = environment,
            StandardInput = stdin,
            Timeout = timeout ?? TimeSpan.FromMinutes(2),
        }, ct);
    }

    /// <summary>Runs th and fails the test with its output when the exit code is not 0.</summary>
    public static async Task<ProcessResult> RunOkAsync(string cwd, params string[] args)
    {
        var result = await RunAsync(cwd, args);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"th {string.Join(' ', args)} exited {result.ExitCode}\nstdout:\n{result.StandardOutput}\nstderr:\n{result.StandardError}");
        }
        return result;
    }

    private static string Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable("TH_BIN");
        var path = !string.IsNullOrEmpty(fromEnv) ? fromEnv : Path.Combine(RepoRoot, "artifacts", "test-install", "bin", "th");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"th binary not found at '{path}': run ./test.sh (it installs th into artifacts/test-install first) or set TH_BIN");
        }
        return path;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Smooth.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("could not find Smooth.slnx above the test output directory");
    }
}
