using System.Diagnostics;
using System.Globalization;
using Smooth.Sandbox.Contract;
using Smooth.Sandbox.Providers.Bubblewrap;

// In-process: BubblewrapProvider.RunAsync(`true`) (seccomp program, cgroup, fd hand-over, output capture) against a
// bare `bwrap` started from the same process with the same namespace, mount and environment flags.
var samples = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var root = Path.Combine(Path.GetTempPath(), "smooth-bench-" + Guid.NewGuid().ToString("N"));
var workspace = Path.Combine(root, "workspace");
var scratch = Path.Combine(root, "scratch");
Directory.CreateDirectory(workspace);
Directory.CreateDirectory(scratch);
try
{
    var provider = new BubblewrapProvider();
    await provider.EnsureAvailableAsync(CancellationToken.None);
    var env = new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin", ["HOME"] = "/home/sandbox" };
    var n = 0;
    SandboxExecution Next() => new()
    {
        RunId = "bench", SandboxId = "s" + n++, WorkspacePath = workspace, ScratchPath = scratch, Command = ["/bin/true"], Environment = env,
    };
    var bareArgs = BenchSupport.BareArguments(Next(), env, scratch);
    var bwrap = BenchSupport.Bwrap();

    async Task Provider()
    {
        var execution = Next();
        var r = await provider.RunAsync(execution, CancellationToken.None);
        await provider.CleanupAsync(execution, CancellationToken.None);
        if (r.ExitCode != 0) throw new InvalidOperationException($"provider run failed: {r.Message} {r.StandardError}");
    }

    async Task Bare()
    {
        var psi = new ProcessStartInfo(bwrap) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.Environment.Clear();
        foreach (var a in bareArgs) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        await Task.WhenAll(o, e);
        if (p.ExitCode != 0) throw new InvalidOperationException("bare bwrap failed: " + await e);
    }

    // Interleave the two so machine noise hits both alike.
    for (var i = 0; i < 5; i++) { await Bare(); await Provider(); }
    var bare = new double[samples];
    var ours = new double[samples];
    for (var i = 0; i < samples; i++)
    {
        var sw = Stopwatch.StartNew();
        await Bare();
        bare[i] = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        await Provider();
        ours[i] = sw.Elapsed.TotalMilliseconds;
    }

    static double Pct(double[] v, double p)
    {
        var s = v.Order().ToArray();
        return s[Math.Clamp((int)Math.Ceiling(p / 100 * s.Length) - 1, 0, s.Length - 1)];
    }
    string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
    Console.WriteLine($"samples: {samples} each, interleaved");
    Console.WriteLine($"| bare bwrap, same flags (baseline) | {F(Pct(bare, 50))} ms | {F(Pct(bare, 99))} ms |");
    Console.WriteLine($"| BubblewrapProvider.RunAsync + CleanupAsync | {F(Pct(ours, 50))} ms | {F(Pct(ours, 99))} ms |");
    Console.WriteLine($"overhead (median): {F(Pct(ours, 50) - Pct(bare, 50))} ms; ratio ours/bare: {F(Pct(ours, 50) / Pct(bare, 50))}");
}
finally
{
    Directory.Delete(root, recursive: true);
}
