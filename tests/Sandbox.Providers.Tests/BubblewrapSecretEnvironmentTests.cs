using Smooth.Sandbox.Providers.Bubblewrap;

namespace Smooth.Sandbox.Providers.Tests;

/// <summary>
/// Values handed to the sandboxed command through its environment (run tokens) must not be readable by other processes
/// in the sandbox through bwrap's own command line (<c>/proc/1/cmdline</c>, <c>/proc/*/cmdline</c>).
/// </summary>
public sealed class BubblewrapSecretEnvironmentTests
{
    [Fact]
    public async Task Environment_values_do_not_appear_on_any_command_line_inside()
    {
        using var h = new SandboxHarness();
        const string secret = "smo_token_value_that_must_stay_hidden_42";
        var execution = h.Execution(["/bin/bash", "-c", "cat /proc/[0-9]*/cmdline | tr '\\0' ' '; echo; echo \"own=${RUN_TOKEN:0:9}\""],
            env: new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin", ["HOME"] = "/home/sandbox", ["RUN_TOKEN"] = secret });
        var provider = new BubblewrapProvider();
        try
        {
            var r = await provider.RunAsync(execution, CancellationToken.None);
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("bwrap", r.StandardOutput, StringComparison.Ordinal); // the command lines were really read
            Assert.Contains("own=smo_token", r.StandardOutput, StringComparison.Ordinal); // the command itself got the value
            Assert.DoesNotContain(secret, r.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            await provider.CleanupAsync(execution, CancellationToken.None);
        }
    }
}
