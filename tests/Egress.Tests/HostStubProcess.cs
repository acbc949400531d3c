using System.Diagnostics;
using System.Text;
using Smooth.TestSupport;

namespace Smooth.Egress.Tests;

/// <summary>The installed <c>th host-stub</c> running as its own process, with the fake tools first on PATH.</summary>
public sealed class HostStubProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostStubProcess(Process process, string socketPath)
    {
        _process = process;
        SocketPath = socketPath;
    }

    public string SocketPath { get; }

    /// <summary>Everything the stub printed (stdout and stderr), read after it stopped.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public static async Task<HostStubProcess> StartAsync(FakeCredentialTools tools, string configPath)
    {
        var socket = tools.Dir.Combine("creds.sock");
        var psi = new ProcessStartInfo(Th.Binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "host-stub", "--socket", socket, "--config", configPath }) psi.ArgumentList.Add(a);
        psi.Environment["PATH"] = tools.BinDir + ":" + Environment.GetEnvironmentVariable("PATH");
        var process = new Process { StartInfo = psi };
        var stub = new HostStubProcess(process, socket);
        process.OutputDataReceived += (_, e) => { lock (stub._output) stub._output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (stub._output) stub._output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var i = 0; i < 400 && !File.Exists(socket); i++)
        {
            if (process.HasExited) throw new InvalidOperationException("th host-stub exited early:\n" + stub.Output);
            await Task.Delay(25);
        }
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
