using Smooth.Sandbox.Contract;
using Smooth.Sandbox.Providers.Common;

namespace Smooth.Sandbox.Providers.Direct;

/// <summary>
/// Runs the command as an ordinary host process in the workspace, with the execution's explicit environment and the
/// timeout and output limits. It gives NO isolation: the command sees the host's files, network and processes.
/// Meant for machines that are already isolated (CI runners, devboxes) via <c>th up direct</c>.
/// Memory and process limits are not enforced by this provider.
/// </summary>
public sealed class DirectProvider : ISandboxProvider
{
    /// <inheritdoc />
    public string Id => "direct";

    /// <inheritdoc />
    public Task EnsureAvailableAsync(CancellationToken ct) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task<ProviderResult> RunAsync(SandboxExecution execution, CancellationToken ct)
    {
        ExecutionChecks.Validate(execution);
        var outcome = await BoundedProcess.RunAsync(new BoundedStart
        {
            FileName = execution.Command[0],
            Arguments = execution.Command.Skip(1).ToList(),
            Environment = ExecutionChecks.EnvironmentWithLineage(execution),
            WorkingDirectory = execution.WorkspacePath,
            Limits = execution.Limits,
            OnStandardOutput = execution.OnStandardOutput,
            OnStandardError = execution.OnStandardError,
        }, ct);
        return ExecutionChecks.ToResult(outcome, outcome.Limit, outcome.Limit is { } hit ? ExecutionChecks.Describe(hit, execution.Limits) : null);
    }

    /// <inheritdoc />
    public Task CleanupAsync(SandboxExecution execution, CancellationToken ct) => Task.CompletedTask;
}
