using Smooth.Core.Events;
using Smooth.Credentials;
using Smooth.TestSupport;

namespace Smooth.Egress.Tests;

public sealed class CredentialTests
{
    private static Dictionary<string, string?> Env(HostStubProcess stub) => new() { [CredentialClient.SocketVariable] = stub.SocketPath };

    [Fact]
    public async Task CredsGet_MintsATokenByRunningTheConfiguredCommand_AndTheStubNeverPrintsIt()
    {
        using var tools = new FakeCredentialTools();
        HostStubProcess stub;
        await using ((stub = await HostStubProcess.StartAsync(tools, tools.WriteConfig())).ConfigureAwait(false))
        {
            var result = await Th.RunAsync(tools.Dir.Path, ["creds", "get", "https://github.com/org/repo.git"], env: Env(stub));

            Assert.True(result.ExitCode == 0, result.StandardError);
            Assert.Equal(tools.GitHubToken, result.StandardOutput.Trim());
            Assert.Equal("gh auth token\n", tools.Calls);

            var aws = await Th.RunAsync(tools.Dir.Path, ["creds", "get", "https://sts.us-east-1.amazonaws.com/", "--json"], env: Env(stub));
            Assert.True(aws.ExitCode == 0, aws.StandardError);
            Assert.Contains(tools.AwsKeyId, aws.StandardOutput);
            Assert.Contains("\"expiresAt\"", aws.StandardOutput);
            Assert.Contains("aws sts get-session-token --output json", tools.Calls);
        }
        Assert.Contains("credentials.issued", stub.Output);
        Assert.DoesNotContain(tools.GitHubToken, stub.Output);
        Assert.DoesNotContain(tools.AwsKeyId, stub.Output);
    }

    [Fact]
    public async Task CredentialRequest_OutsideTheAllowlist_IsRefusedBeforeAnyCommandRuns()
    {
        using var tools = new FakeCredentialTools();
        await using var stub = await HostStubProcess.StartAsync(tools, tools.WriteConfig());

        foreach (var url in new[] { "https://evil.example.com/", "https://github.com.evil.example/", "http://github.com/org/repo", "https://gist.github.com/" })
        {
            var result = await Th.RunAsync(tools.Dir.Path, ["creds", "get", url], env: Env(stub));
            Assert.Equal(5, result.ExitCode);
            Assert.Contains("no credential service is configured", result.StandardError);
            Assert.Contains("hint:", result.StandardError);
            Assert.Empty(result.StandardOutput);
        }
        Assert.Equal(string.Empty, tools.Calls);
    }

    [Fact]
    public async Task GitCredentialHelper_SpeaksGitsProtocol_AndIsUsedByRealGit()
    {
        using var tools = new FakeCredentialTools();
        await using var stub = await HostStubProcess.StartAsync(tools, tools.WriteConfig());

        var get = await Th.RunAsync(tools.Dir.Path, ["creds", "git", "get"], stdin: "protocol=https\nhost=github.com\npath=org/repo.git\n\n", env: Env(stub));
        Assert.True(get.ExitCode == 0, get.StandardError);
        Assert.Equal($"username=x-access-token\npassword={tools.GitHubToken}\n", get.StandardOutput);

        var store = await Th.RunAsync(tools.Dir.Path, ["creds", "git", "store"], stdin: $"protocol=https\nhost=github.com\npassword={tools.GitHubToken}\n\n", env: Env(stub));
        Assert.Equal(0, store.ExitCode);

        // Real git asking its configured helper (git credential fill runs the helper exactly as a clone would).
        using var repo = await Git.CreateRepoAsync();
        await Git.RunAsync(repo.Path, "config", "credential.helper", $"!'{Th.Binary}' creds git");
        var fill = await Smooth.Core.Processes.ProcessRunner.RunAsync("git", ["credential", "fill"], new Smooth.Core.Processes.ProcessOptions
        {
            WorkingDirectory = repo.Path,
            StandardInput = "protocol=https\nhost=github.com\npath=org/repo.git\n\n",
            Environment = new Dictionary<string, string?> { [CredentialClient.SocketVariable] = stub.SocketPath, ["GIT_TERMINAL_PROMPT"] = "0" },
        }, CancellationToken.None);
        Assert.True(fill.ExitCode == 0, fill.StandardError);
        Assert.Contains($"password={tools.GitHubToken}", fill.StandardOutput);
    }

    [Fact]
    public async Task DockerCredentialHelper_AnswersWithDockersFields()
    {
        using var tools = new FakeCredentialTools();
        var config = tools.WriteConfig();
        File.AppendAllText(config, """

              - name: registry
                match: ["https://registry.example.com/"]
                command: ["gh", "auth", "token"]
                username: oauth2accesstoken
            """);
        await using var stub = await HostStubProcess.StartAsync(tools, config);

        var get = await Th.RunAsync(tools.Dir.Path, ["creds", "docker", "get"], stdin: "registry.example.com\n", env: Env(stub));

        Assert.True(get.ExitCode == 0, get.StandardError);
        Assert.Contains("\"ServerURL\": \"registry.example.com\"", get.StandardOutput);
        Assert.Contains("\"Username\": \"oauth2accesstoken\"", get.StandardOutput);
        Assert.Contains($"\"Secret\": \"{tools.GitHubToken}\"", get.StandardOutput);
    }

    [Fact]
    public async Task CredsGet_FromInsideASandbox_ReachesTheStubThroughTheMountedSocket()
    {
        using var tools = new FakeCredentialTools();
        await using var stub = await HostStubProcess.StartAsync(tools, tools.WriteConfig());
        await using var proxy = ProxyHarness.Allow("github.com");

        var result = await Sandbox.RunAsync(proxy.SocketPath,
            "echo \"token=$(/opt/smooth/th creds get https://github.com/org/repo.git)\"; /opt/smooth/th creds get https://evil.example/ ; echo \"refused=$?\"",
            credsSocket: stub.SocketPath);

        Assert.Contains($"token={tools.GitHubToken}", result.StandardOutput);
        Assert.Contains("refused=5", result.StandardOutput);
        Assert.DoesNotContain(tools.GitHubToken, result.StandardError);
    }

    [Fact]
    public async Task Broker_NeverPutsCredentialsInEventsOrErrors()
    {
        using var tools = new FakeCredentialTools();
        var events = new EventRing();
        var broker = new CredentialBroker(await CredentialConfigLoader.LoadAsync(tools.WriteConfig(absolutePaths: true), CancellationToken.None), events);

        var ok = await broker.MintAsync("https://user:hunter2@github.com/org/repo.git?access_token=qwerty", CancellationToken.None);
        var failed = await broker.MintAsync("https://broken.example/x", CancellationToken.None);
        var refused = await broker.MintAsync("https://nope.example/", CancellationToken.None);

        Assert.Equal(tools.GitHubToken, ok.Credential!.Secret);
        Assert.Equal(502, failed.Status);
        Assert.Equal(403, refused.Status);
        var everything = string.Join("\n", events.Snapshot().SelectMany(e => e.Attributes.Select(a => a.Key + "=" + a.Value)))
            + failed.Error + refused.Error;
        Assert.Contains("service=github", everything);
        Assert.Contains("url=https://github.com/org/repo.git", everything);
        Assert.DoesNotContain(tools.GitHubToken, everything);
        Assert.DoesNotContain("hunter2", everything);
        Assert.DoesNotContain("qwerty", everything);
        Assert.DoesNotContain("SHOULDNOTLEAK", everything);
    }

    [Fact]
    public void Redactor_MasksCredentialShapedText()
    {
        var text = SecretRedactor.Redact("token ghp_abcdefghijklmnopqrstuvwxyz123456 key AKIAABCDEFGHIJKLMNOP and Bearer abc.def.ghi");
        Assert.DoesNotContain("ghp_", text);
        Assert.DoesNotContain("AKIA", text);
        Assert.DoesNotContain("abc.def", text);
    }

    [Fact]
    public async Task HostStub_WithAnInvalidConfig_FailsNamingTheLine()
    {
        using var tools = new FakeCredentialTools();
        var config = tools.Dir.Combine("bad.yaml");
        File.WriteAllText(config, "services:\n  - name: github\n    match: [\"https://github.com/\"\n    command: [gh]\n");

        var result = await Th.RunAsync(tools.Dir.Path, ["host-stub", "--socket", tools.Dir.Combine("s.sock"), "--config", config]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bad.yaml:", result.StandardError);
        Assert.False(File.Exists(tools.Dir.Combine("s.sock")));
    }

    [Fact]
    public async Task CredsGet_WithoutTheSocketVariable_ExplainsWhatToDo()
    {
        using var dir = new TempDir();
        var result = await Th.RunAsync(dir.Path, ["creds", "get", "https://github.com/"], env: new Dictionary<string, string?> { [CredentialClient.SocketVariable] = null });

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("SMOOTH_CREDS_SOCKET is not set", result.StandardError);
    }

    [Fact]
    public async Task Th_sandbox_run_mounts_the_stub_so_git_and_th_creds_get_fresh_credentials_that_never_reach_the_audit_log()
    {
        using var tools = new FakeCredentialTools();
        using var home = new TempDir("smooth-home");
        Directory.CreateDirectory(home.Combine(".smooth"));
        File.Copy(tools.WriteConfig(absolutePaths: true), home.Combine(".smooth", "credentials.yaml"));
        using var repo = await Git.CreateRepoAsync();
        var init = await Th.RunAsync(repo.Path, ["init"], home: home.Path);
        Assert.True(init.ExitCode == 0, init.StandardError);
        // The script names no secret: it prints digests, which the test compares with the fake token's.
        var script = string.Join("; ",
            "printf 'protocol=https\\nhost=github.com\\npath=org/repo.git\\n\\n' | git credential fill | sed -n 's/^password=//p' | sha256sum | cut -c1-16 | sed 's/^/git=/'",
            "/opt/smooth/th creds get https://github.com/org/repo.git | sha256sum | cut -c1-16 | sed 's/^/creds=/'",
            "/opt/smooth/th creds get https://evil.example.com/ >/dev/null 2>&1; echo evil=$?",
            "test -e \"$HOME/.smooth/credentials.yaml\"; echo config-visible=$?");

        var run = await Th.RunAsync(repo.Path, ["sandbox", "run", "--", "sh", "-c", script], home: home.Path);

        Assert.True(run.ExitCode == 0, run.StandardOutput + run.StandardError);
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(tools.GitHubToken + "\n")))[..16];
        Assert.Contains($"git={digest}", run.StandardOutput);
        Assert.Contains($"creds={digest}", run.StandardOutput);
        Assert.Contains("evil=5", run.StandardOutput); // refused by the stub's allowlist, no command run
        Assert.Contains("config-visible=1", run.StandardOutput); // the config (and anything the host command reads) stays outside
        Assert.Equal("gh auth token\ngh auth token\n", tools.Calls);

        var logs = await Th.RunAsync(repo.Path, ["logs", "--json", "--limit", "10000"], home: home.Path);
        Assert.Contains("credentials.issued", logs.StandardOutput);
        Assert.Contains("credentials.refused", logs.StandardOutput);
        Assert.DoesNotContain(tools.GitHubToken, logs.StandardOutput);
        Assert.DoesNotContain(tools.GitHubToken, run.StandardOutput + run.StandardError);
        foreach (var file in Directory.EnumerateFiles(repo.Combine(".smooth"), "*", SearchOption.AllDirectories))
        {
            if (file.EndsWith(".db", StringComparison.Ordinal) || file.Contains(".db-", StringComparison.Ordinal)) continue;
            Assert.DoesNotContain(tools.GitHubToken, await File.ReadAllTextAsync(file));
        }
    }
}
