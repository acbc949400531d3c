using Smooth.Core;
using Smooth.Egress;
using Smooth.Egress.Bridge;

// smooth-bridge --socket PATH [--listen IP:PORT] [--socks IP:PORT|off] [--handover PATH] -- COMMAND...
// The same contract as `th egress bridge`, for the sandbox's first process: no runtime start, no JIT.
try
{
    var launch = BridgeArguments.Parse(args);
    using var cts = new CancellationTokenSource();
    return await BridgeLauncher.RunAsync(launch, cts.Token);
}
catch (SmoothException e)
{
    Console.Error.WriteLine($"smooth-bridge: {e.Message}");
    if (e.Hint is { } hint) Console.Error.WriteLine($"  hint: {hint}");
    return e.ExitCode;
}
