using System.CommandLine;
using Smooth.Cli.Output;
using Smooth.Core;
using Smooth.Policy.Access;
using Spectre.Console;

namespace Smooth.Cli.Commands;

/// <summary><c>th access pending|approve|deny</c>: the host side of access requests (operators cannot reach them).</summary>
public static class AccessRequestCommands
{
    /// <summary>Adds the commands to <paramref name="access"/>.</summary>
    public static void AddTo(Command access)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON: [{id, runId, kind, resource, reason, status, scope, createdAt, decidedAt}]" };
        var pending = new Command("pending", "Access requests waiting for a person") { json };
        pending.SetAction(async (parse, ct) =>
        {
            await using var store = await OpenAsync(ct);
            var list = await store.ListPendingAsync(ct);
            if (parse.GetValue(json))
            {
                CliOutput.Json(list, CliJson.Default.IReadOnlyListAccessRequest);
                return ExitCodes.Ok;
            }
            if (list.Count == 0)
            {
                CliOutput.Line("no access request is pending");
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("id", "run", "kind", "resource", "reason", "since");
            foreach (var r in list) table.AddRow(r.Id, r.RunId, r.Kind, Markup.Escape(r.Resource), Markup.Escape(r.Reason), r.CreatedAt);
            CliOutput.Human.Write(table);
            CliOutput.Line("grant with: th access approve ID --scope once|run|project|user   refuse with: th access deny ID");
            return ExitCodes.Ok;
        });

        var approveId = new Argument<string>("id") { Description = "The request id (ar-...)" };
        var scope = new Option<string>("--scope") { Description = "once (this one call), run, project (.smooth/policy.yaml) or user (~/.smooth/policy.yaml)", Required = true };
        var approve = new Command("approve", "Grant an access request") { approveId, scope };
        approve.SetAction(async (parse, ct) =>
        {
            await using var store = await OpenAsync(ct);
            var r = await store.ApproveAsync(parse.GetValue(approveId)!, parse.GetValue(scope)!, ct);
            await RecordAsync(r, ct);
            CliOutput.Line($"{r.Id}: {r.Resource} granted ({r.Scope})");
            return ExitCodes.Ok;
        });

        var denyId = new Argument<string>("id") { Description = "The request id (ar-...)" };
        var deny = new Command("deny", "Refuse an access request") { denyId };
        deny.SetAction(async (parse, ct) =>
        {
            await using var store = await OpenAsync(ct);
            var r = await store.DenyAsync(parse.GetValue(denyId)!, ct);
            await RecordAsync(r, ct);
            CliOutput.Line($"{r.Id}: {r.Resource} denied");
            return ExitCodes.Ok;
        });
        access.Add(pending);
        access.Add(approve);
        access.Add(deny);
    }

    private static async Task RecordAsync(AccessRequest decided, CancellationToken ct)
    {
        await using var events = await Smooth.Audit.Scribe.ProjectAuditSink.OpenAsync(ProjectLocator.StateDir(ProjectLocator.RequireProjectRoot(Directory.GetCurrentDirectory())), ct);
        AccessEvents.Decided(events, decided, "cli");
    }

    private static Task<AccessRequestStore> OpenAsync(CancellationToken ct) =>
        AccessRequestStore.OpenAsync(ProjectLocator.RequireProjectRoot(Directory.GetCurrentDirectory()), ct);
}
