using System.Collections;
using System.CommandLine;
using Smooth.Core;
using Smooth.Llm.Gateway;
using Smooth.Operator;
using Smooth.Core.Processes;
using Smooth.Operator.Remote;

namespace Smooth.Cli.Commands;

/// <summary><c>th operator run</c>: the operator process itself, as started inside a sandbox by <c>th exec</c> or the daemon.</summary>
public static class OperatorCommand
{
    /// <summary>Builds <c>th operator</c>.</summary>
    public static Command Build()
    {
        var run = new Command("run", "Inside a sandbox: run the operator of this run (started by th exec or the daemon; needs the run's sockets and tokens)");
        run.SetAction(async (_, ct) =>
        {
            var socket = Required(OperatorApiClient.SocketVariable);
            var token = Required(OperatorApiClient.TokenVariable);
            var llmSocket = Required(OperatorEnvironment.LlmSocket);
            var llmToken = Required(OperatorEnvironment.LlmToken);
            // The tokens leave the environment before any tool can start a process, and the process becomes
            // undumpable so its tools cannot read them from /proc or attach to it.
            foreach (var name in new[] { OperatorApiClient.TokenVariable, OperatorEnvironment.LlmToken }) Environment.SetEnvironmentVariable(name, null);
            ProcessHardening.MakeUndumpable();
            // A child span of the host's operator.run span ($TRACEPARENT): the operator's HTTP calls carry it onward.
            using var span = Smooth.Core.Tracing.TraceContext.Start("operator.process");

            await using var api = new OperatorApiClient(socket, token);
            var spec = await api.GetSpecAsync(ct);
            using var gateway = new GatewayClient(llmSocket, llmToken, spec.Slot);
            var proxy = Environment.GetEnvironmentVariable("HTTPS_PROXY") ?? Environment.GetEnvironmentVariable("HTTP_PROXY");
            var outcome = await OperatorRuntime.RunAsync(spec, gateway, new OperatorServices
            {
                Events = api, Checkpoints = api, Control = api, Guard = api, Crew = api,
                Spent = async c => (await gateway.GetUsageAsync(c)).CostUsd,
                Proxy = proxy is { Length: > 0 } ? new Uri(proxy) : null,
                CommandEnvironment = CommandEnvironment(),
            }, ct);
            return outcome.Succeeded ? ExitCodes.Ok : ExitCodes.Failure;
        });
        var op = new Command("operator", "The operator process (internal: started inside the sandbox)") { Hidden = true };
        op.Add(run);
        return op;
    }

    // What the tools' commands see: the sandbox's environment without anything that reaches the host's services.
    private static Dictionary<string, string> CommandEnvironment()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            var key = (string)e.Key;
            if (key is OperatorApiClient.SocketVariable or OperatorApiClient.TokenVariable or OperatorEnvironment.LlmSocket or OperatorEnvironment.LlmToken) continue;
            if (key.StartsWith("DOTNET_", StringComparison.Ordinal)) continue;
            env[key] = (string?)e.Value ?? "";
        }
        return env;
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v
            : throw new SmoothException($"{name} is not set: th operator run only works inside a run started by th exec or the daemon",
                "use th exec to run an operator", ExitCodes.Environment);
}
