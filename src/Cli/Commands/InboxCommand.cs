using System.CommandLine;
using Smooth.Audit.Scribe;
using Smooth.Cli.Output;
using Smooth.Core;
using Smooth.Orchestrator.Inbox;
using Spectre.Console;

namespace Smooth.Cli.Commands;

/// <summary><c>th inbox</c>: everything waiting for a person, with the command that settles each.</summary>
public static class InboxCommand
{
    /// <summary>Builds <c>th inbox</c>.</summary>
    public static Command Build()
    {
        var json = new Option<bool>("--json") { Description = "Print the items as JSON (docs/daemon.md)" };
        var command = new Command("inbox", "What waits for you: diffs to review, operators' questions, access requests") { json };
        command.SetAction(async (parse, ct) =>
        {
            var root = ProjectLocator.RequireProjectRoot(Directory.GetCurrentDirectory());
            await using var events = await ProjectAuditSink.OpenAsync(ProjectLocator.StateDir(root), ct);
            var items = await InboxReader.ReadAsync(root, events, ct);
            if (parse.GetValue(json))
            {
                CliOutput.Json(items, CliJson.Default.IReadOnlyListInboxItem);
                return ExitCodes.Ok;
            }
            if (items.Count == 0)
            {
                CliOutput.Line("nothing waits for you");
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("kind", "id", "what", "since", "settle with");
            foreach (var i in items)
            {
                table.AddRow(i.Kind, Markup.Escape(i.Id), Markup.Escape(i.Subject.Length > 80 ? i.Subject[..80] + "…" : i.Subject), Markup.Escape(i.Since), Markup.Escape(string.Join("\n", i.Actions)));
            }
            CliOutput.Human.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
