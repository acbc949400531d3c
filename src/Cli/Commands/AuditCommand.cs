using System.CommandLine;
using Smooth.Audit.Store;
using Smooth.Cli.Output;
using Smooth.Core;
using Spectre.Console;

namespace Smooth.Cli.Commands;

/// <summary><c>th audit verify</c> and <c>th logs</c>: check and read the project's hash-chained audit log.</summary>
public static class AuditCommand
{
    /// <summary>Builds <c>th audit</c>.</summary>
    public static Command Build()
    {
        var audit = new Command("audit", "The audit log (Archivist): append-only, hash-chained record of every event");
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var verify = new Command("verify", "Check that no record was edited, deleted or reordered") { json };
        verify.SetAction(async (parse, ct) =>
        {
            await using var store = await OpenAsync(ct);
            var report = await store.VerifyAsync(ct);
            if (parse.GetValue(json))
            {
                CliOutput.Json(report, AuditJson.Default.VerifyReport);
            }
            else if (report.Ok)
            {
                CliOutput.Line($"audit log intact: {report.Records} records, chain and head anchor verified");
            }
            else
            {
                foreach (var p in report.Problems)
                {
                    Console.Error.WriteLine($"record {p.Seq}: {p.Kind}: {p.Detail}");
                }
            }
            if (!report.Ok)
            {
                CliOutput.Error($"the audit log has been tampered with ({report.Problems.Count} problem(s) in {report.Records} records)",
                    "treat the events after the first problem as untrusted; restore .smooth/audit.db from a backup to investigate");
                return ExitCodes.Denied;
            }
            return ExitCodes.Ok;
        });
        audit.Add(verify);
        return audit;
    }

    /// <summary>Builds <c>th logs</c>.</summary>
    public static Command BuildLogs()
    {
        var type = new Option<string?>("--type") { Description = "Only events whose type starts with this (e.g. sandbox.)" };
        var source = new Option<string?>("--source") { Description = "Only events from this component (e.g. egress)" };
        var limit = new Option<int>("--limit", "-n") { Description = "How many of the newest events", DefaultValueFactory = _ => 50 };
        var json = new Option<bool>("--json") { Description = "Print the events as JSON" };
        var logs = new Command("logs", "Show the newest audit events") { type, source, limit, json };
        logs.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(limit);
            if (n is < 1 or > 100_000)
            {
                throw new SmoothException($"--limit must be between 1 and 100000 (got {n})", null, ExitCodes.BadInput);
            }
            await using var store = await OpenAsync(ct);
            var records = await store.QueryAsync(new AuditQuery(TypePrefix: parse.GetValue(type), Source: parse.GetValue(source), Limit: n, Newest: true), ct);
            if (parse.GetValue(json))
            {
                CliOutput.Json(records, AuditJson.Default.IReadOnlyListAuditRecord);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("#", "time", "source", "type", "attributes");
            foreach (var r in records)
            {
                table.AddRow(r.Seq.ToString(), r.Time, Markup.Escape(r.Source), Markup.Escape(r.Type),
                    Markup.Escape(string.Join(' ', r.Attributes.Select(kv => $"{kv.Key}={kv.Value}"))));
            }
            CliOutput.Human.Write(table);
            return ExitCodes.Ok;
        });
        return logs;
    }

    /// <summary>Builds <c>th events</c>: print events oldest first, and with <c>--follow</c> keep printing new ones.</summary>
    public static Command BuildEvents()
    {
        var type = new Option<string?>("--type") { Description = "Only events whose type starts with this" };
        var after = new Option<long>("--after") { Description = "Start after this sequence number (default: the last 20 events)", DefaultValueFactory = _ => -1 };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep waiting for new events (Ctrl-C to stop)" };
        var json = new Option<bool>("--json") { Description = "One JSON object per line" };
        var events = new Command("events", "Print audit events; --follow tails the log as it grows") { type, after, follow, json };
        events.SetAction(async (parse, ct) =>
        {
            await using var store = await OpenAsync(ct);
            var prefix = parse.GetValue(type);
            var from = parse.GetValue(after);
            if (from < 0)
            {
                var tail = await store.QueryAsync(new AuditQuery(TypePrefix: prefix, Limit: 20, Newest: true), ct);
                from = tail.Count > 0 ? tail[0].Seq - 1 : 0;
            }
            var asJson = parse.GetValue(json);
            try
            {
                while (true)
                {
                    var records = await store.QueryAsync(new AuditQuery(AfterSeq: from, TypePrefix: prefix, Limit: 1000), ct);
                    foreach (var r in records)
                    {
                        if (asJson) CliOutput.JsonLine(r, AuditJson.Default.AuditRecord);
                        else CliOutput.Line($"{r.Seq,6} {r.Time} {r.Source,-12} {r.Type} {string.Join(' ', r.Attributes.Select(kv => $"{kv.Key}={kv.Value}"))}");
                        from = r.Seq;
                    }
                    if (records.Count == 0)
                    {
                        if (!parse.GetValue(follow)) break;
                        await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl-C ends a follow normally.
            }
            return ExitCodes.Ok;
        });
        return events;
    }

    private static Task<AuditStore> OpenAsync(CancellationToken ct)
    {
        var root = ProjectLocator.RequireProjectRoot(Directory.GetCurrentDirectory());
        return AuditStore.OpenAsync(ProjectLocator.StateDir(root), ct);
    }
}
