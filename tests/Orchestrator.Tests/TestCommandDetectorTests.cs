using Smooth.Governor;
using Smooth.TestSupport;

namespace Smooth.Orchestrator.Tests;

public sealed class TestCommandDetectorTests
{
    [Theory]
    [InlineData("package.json", "{\"scripts\":{\"test\":\"vitest run\"}}", "npm test --silent")]
    [InlineData("package.json", "{\"scripts\":{\"test\":\"echo \\\"Error: no test specified\\\" && exit 1\"}}", null)]
    [InlineData("App.csproj", "<Project />", "dotnet test")]
    [InlineData("Cargo.toml", "[package]", "cargo test")]
    [InlineData("go.mod", "module m", "go test -v ./...")]
    [InlineData("pyproject.toml", "[project]", "python3 -m pytest")]
    [InlineData("Makefile", "build:\n\ttrue\ntest:\n\ttrue\n", "make test")]
    [InlineData("README.md", "nothing", null)]
    public void Detects_the_ecosystem(string file, string content, string? expected)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine(file), content);
        var command = TestCommandDetector.Detect(dir.Path);
        Assert.Equal(expected, command is null ? null : string.Join(' ', command));
    }
}
