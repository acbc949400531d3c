using Smooth.TestSupport;

namespace Smooth.Cli.Tests;

public sealed class InitCommandTests
{
    [Fact]
    public async Task Version_prints_the_product_version()
    {
        using var dir = new TempDir();
        var result = await Th.RunOkAsync(dir.Path, "--version");
        Assert.Matches(@"^\d+\.\d+\.\d+", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task Init_outside_a_git_repository_fails_and_creates_nothing()
    {
        using var dir = new TempDir();
        var result = await Th.RunAsync(dir.Path, ["init"]);
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("not inside a git repository", result.StandardError);
        Assert.Contains("git init", result.StandardError);
        Assert.False(Directory.Exists(dir.Combine(".smooth")));
    }

    [Fact]
    public async Task Init_creates_state_directory_at_the_git_root_from_a_subdirectory()
    {
        using var repo = await Git.CreateRepoAsync(new Dictionary<string, string> { ["src/app.txt"] = "x" });
        var result = await Th.RunOkAsync(repo.Combine("src"), "init");
        Assert.Contains("Initialised", result.StandardOutput);
        Assert.True(Directory.Exists(repo.Combine(".smooth")));
        Assert.Contains("*.db", await File.ReadAllTextAsync(repo.Combine(".smooth", ".gitignore")));

        var again = await Th.RunOkAsync(repo.Path, "init");
        Assert.Contains("already initialised", again.StandardOutput);
    }

    [Fact]
    public async Task Unknown_command_is_a_usage_error_on_stderr()
    {
        using var dir = new TempDir();
        var result = await Th.RunAsync(dir.Path, ["frobnicate"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error:", result.StandardError);
        Assert.Contains("th --help", result.StandardError);
    }
}
