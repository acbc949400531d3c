using System.Text.RegularExpressions;
using Smooth.TestSupport;

namespace Smooth.Cli.Tests;

/// <summary>th builds only the command it was asked for; every command must still be found under its own name.</summary>
public sealed partial class CommandTreeTests
{
    [Fact]
    public async Task Every_listed_command_answers_its_own_help()
    {
        using var dir = new TempDir();
        var help = await Th.RunOkAsync(dir.Path, "--help");
        var section = help.StandardOutput[help.StandardOutput.IndexOf("Commands:", StringComparison.Ordinal)..];
        var names = CommandLine().Matches(section).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("sandbox", names);
        Assert.Contains("run", names);
        Assert.True(names.Count >= 25, $"only {names.Count} commands listed: {string.Join(' ', names)}");

        foreach (var name in names)
        {
            var own = await Th.RunAsync(dir.Path, [name, "--help"]);
            Assert.True(own.ExitCode == 0, $"th {name} --help exited {own.ExitCode}: {own.StandardError}");
            Assert.Contains($"th {name}", own.StandardOutput);
        }
    }

    [Fact]
    public async Task A_mistyped_command_still_gets_the_usage_error()
    {
        using var dir = new TempDir();
        var result = await Th.RunAsync(dir.Path, ["sandbx", "run"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("sandbx", result.StandardError);
    }

    [GeneratedRegex(@"^  ([a-z][a-z-]*)", RegexOptions.Multiline)]
    private static partial Regex CommandLine();
}
