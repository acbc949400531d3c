using Smooth.TestSupport;

namespace Smooth.Egress.Tests;

/// <summary>
/// Fake <c>gh</c> and <c>aws</c> programs written by the test: they print recognisable tokens and append how they were
/// called to a log, plus a credential config pointing at them by name (found through PATH) or by full path.
/// </summary>
public sealed class FakeCredentialTools : IDisposable
{
    public FakeCredentialTools()
    {
        GitHubToken = "ghs_FAKEgithubTOKEN" + Guid.NewGuid().ToString("N");
        AwsKeyId = "ASIAFAKE" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        Write("gh", $"echo \"gh $*\" >> '{CallLog}'\necho '{GitHubToken}'\n");
        Write("aws", $"echo \"aws $*\" >> '{CallLog}'\necho '{{\"Credentials\":{{\"AccessKeyId\":\"{AwsKeyId}\",\"SecretAccessKey\":\"fakeSecret\",\"SessionToken\":\"fakeSession\"}}}}'\n");
        Write("broken", "echo 'partial-secret-ghs_SHOULDNOTLEAK1234567890' >&2\nexit 3\n");
    }

    public TempDir Dir { get; } = new("smooth-creds");

    public string BinDir => Dir.Combine("bin");

    public string CallLog => Dir.Combine("calls.log");

    public string GitHubToken { get; }

    public string AwsKeyId { get; }

    public string Calls => File.Exists(CallLog) ? File.ReadAllText(CallLog) : string.Empty;

    public string WriteConfig(bool absolutePaths = false)
    {
        string Cmd(string name) => absolutePaths ? Path.Combine(BinDir, name) : name;
        var path = Dir.Combine("credentials.yaml");
        File.WriteAllText(path, $"""
            services:
              - name: github
                match: ["https://github.com/", "https://api.github.com/"]
                command: ["{Cmd("gh")}", "auth", "token"]
                username: x-access-token
              - name: aws
                match: ["https://*.amazonaws.com/"]
                command: ["{Cmd("aws")}", "sts", "get-session-token", "--output", "json"]
                ttlSeconds: 900
              - name: broken
                match: ["https://broken.example/"]
                command: ["{Cmd("broken")}"]
            """);
        return path;
    }

    private void Write(string name, string body)
    {
        Directory.CreateDirectory(BinDir);
        var path = Path.Combine(BinDir, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public void Dispose() => Dir.Dispose();
}
