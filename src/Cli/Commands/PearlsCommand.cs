using System.CommandLine;
using Smooth.Cli.Output;
using Smooth.Core;
using Smooth.Pearls;
using Smooth.Pearls.Model;
using Spectre.Console;

namespace Smooth.Cli.Commands;

/// <summary><c>th pearls ...</c>: the work items (Diver's store). Dependencies and sync live in their own files.</summary>
public static class PearlsCommand
{
    private static readonly PearlsJsonContext Json = PearlsJsonContext.Default;

    /// <summary>Builds the command group.</summary>
    public static Command Build()
    {
        var command = new Command("pearls", "Work items: file, track, link and sync pearls (Diver, the pearl store)");
        command.Add(Create());
        command.Add(List());
        command.Add(Show());
        command.Add(Update());
        command.Add(Close());
        command.Add(Reopen());
        command.Add(Ready());
        command.Add(PearlsDepCommand.Build());
        command.Add(Comment());
        command.Add(History());
        foreach (var sync in PearlsSyncCommand.Build())
        {
            command.Add(sync);
        }
        return command;
    }

    private static Command Create()
    {
        var title = new Argument<string>("title") { Description = "One line saying what the work is" };
        var description = new Option<string?>("--description", "-d") { Description = "Longer text" };
        var priority = new Option<int>("--priority", "-p") { Description = "0 (most urgent) to 4", DefaultValueFactory = _ => 2 };
        var type = new Option<string>("--type", "-t") { Description = "task, bug, feature or epic", DefaultValueFactory = _ => "task" };
        var labels = new Option<string[]>("--label", "-l") { Description = "A label (repeat for more)", AllowMultipleArgumentsPerToken = false };
        var assignee = new Option<string?>("--assignee", "-a") { Description = "Who works it" };
        var parent = new Option<string?>("--parent") { Description = "Make it a sub-pearl of this pearl" };
        var json = PearlsOptions.Json();
        var command = new Command("create", "File a new pearl") { title, description, priority, type, labels, assignee, parent, json };
        command.SetAction(async (r, ct) =>
        {
            var input = new NewPearl
            {
                Title = r.GetValue(title)!,
                Description = r.GetValue(description) ?? "",
                Priority = r.GetValue(priority),
                Type = PearlNames.ParseType(r.GetValue(type)!),
                Labels = r.GetValue(labels) ?? [],
                Assignee = r.GetValue(assignee),
                Parent = r.GetValue(parent),
            };
            await using var store = await PearlsOptions.OpenStoreAsync(ct);
            var pearl = await store.CreateAsync(input, ct);
            if (r.GetValue(json)) CliOutput.Json(pearl, Json.Pearl);
            else PearlsOptions.Done($"Created {pearl.Id}: {pearl.Title}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var status = new Option<string[]>("--status", "-s") { Description = "Only these statuses (repeat); default: all but closed" };
        var all = new Option<bool>("--all") { Description = "Include closed pearls" };
        var label = new Option<string[]>("--label", "-l") { Description = "Only pearls with every one of these labels" };
        var text = new Option<string?>("--text", "-q") { Description = "Only pearls whose title or description contains this text" };
        var type = new Option<string?>("--type", "-t") { Description = "Only this type" };
        var assignee = new Option<string?>("--assignee", "-a") { Description = "Only this assignee" };
        var parent = new Option<string?>("--parent") { Description = "Only sub-pearls of this pearl" };
        var limit = new Option<int?>("--limit", "-n") { Description = "At most this many" };
        var json = PearlsOptions.Json();
        var command = new Command("list", "List and search pearls, by priority then age") { status, all, label, text, type, assignee, parent, limit, json };
        command.SetAction(async (r, ct) =>
        {
            var statuses = (r.GetValue(status) ?? []).Select(PearlNames.ParseStatus).ToList();
            if (statuses.Count == 0 && !r.GetValue(all))
            {
                statuses = Enum.GetValues<PearlStatus>().Where(s => s != PearlStatus.Closed).ToList();
            }
            var filter = new PearlFilter
            {
                Statuses = statuses,
                Labels = r.GetValue(label) ?? [],
                Text = r.GetValue(text),
                Type = r.GetValue(type) is { } t ? PearlNames.ParseType(t) : null,
                Assignee = r.GetValue(assignee),
                Parent = r.GetValue(parent),
                Limit = r.GetValue(limit),
            };
            await using var store = await PearlsOptions.OpenStoreAsync(ct);
            if (filter.Parent is not null)
            {
                await store.GetAsync(filter.Parent, ct); // an unknown parent is an error, not an empty list
            }
            var pearls = await store.SearchAsync(filter, ct);
            if (r.GetValue(json)) CliOutput.Json(pearls, Json.IReadOnlyListPearl);
            else PearlsView.Table(CliOutput.Human, pearls, "No pearls match.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show()
    {
        var id = PearlsOptions.Id();
        var depth = new Option<int>("--depth") { Description = "Also list the dependency closure to this depth (the operator scope is 2)", DefaultValueFactory = _ => 0 };
        var json = PearlsOptions.Json();
        var command = new Command("show", "Show one pearl with its dependencies, children and comments") { id, depth, json };
        command.SetAction(async (r, ct) =>
        {
            await using var store = await PearlsOptions.OpenStoreAsync(ct);
            var details = await store.ShowAsync(r.GetValue(id)!, r.GetValue(depth), ct);
            if (r.GetValue(json)) CliOutput.Json(details, Json.PearlDetails);
            else PearlsView.Details(CliOutput.Human, details);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Update()
    {
        var id = PearlsOptions.Id();
        var title = new Option<string?>("--title") { Description = "New title" };
        var description = new Option<string?>("--description", "-d") { Description = "New description" };
        var status = new Option<string?>("--status", "-s") { Description = "open, in_progress, review, blocked, deferred or closed" };
        var priority = new Option<int?>("--priority", "-p") { Description = "0 (most urgent) to 4" };
        var type = new Option<string?>("--type", "-t") { Description = "task, bug, feature or epic" };
        var addLabel = new Option<string[]>("--add-label") { Description = "Add a label (repeat)" };
        var removeLabel = new Option<string[]>("--remove-label") { Description = "Remove a label (repeat)" };
        var assignee = new Option<string?>("--assignee", "-a") { Description = "New assignee" };
        var unassign = new Option<bool>("--unassign") { Description = "Remove the assignee" };
        var parent = new Option<string?>("--parent") { Description = "New parent pearl" };
        var noParent = new Option<bool>("--no-parent") { Description = "Detach from the parent" };
        var outputs = new Option<string?>("--outputs") { Description = "Outputs as JSON" };
        var clearOutputs = new Option<bool>("--clear-outputs") { Description = "Remove the outputs" };
        var json = PearlsOptions.Json();
        var command = new Command("update", "Change fields of a pearl (each change is recorded in its history)")
        {
            id, title, description, status, priority, type, addLabel, removeLabel, assignee, unassign, parent, noParent, outputs, clearOutputs, json,
        };
        command.SetAction(async (r, ct) =>
        {
            var update = new PearlUpdate
            {
                Title = r.GetValue(title),
                Description = r.GetValue(description),
                Status = r.GetValue(status) is { } s ? PearlNames.ParseStatus(s) : null,
                Priority = r.GetValue(priority),
                Type = r.GetValue(type) is { } t ? PearlNames.ParseType(t) : null,
                AddLabels = r.GetValue(addLabel) ?? [],
                RemoveLabels = r.GetValue(removeLabel) ?? [],
                Assignee = r.GetValue(assignee),
                ClearAssignee = r.GetValue(unassign),
                Parent = r.GetValue(parent),
                ClearParent = r.GetValue(noParent),
                Outputs = r.GetValue(outputs) is { } o ? PearlsOptions.ParseJson(o, "--outputs") : null,
                ClearOutputs = r.GetValue(clearOutputs),
            };
            await using var store = await PearlsOptions.OpenStoreAsync(ct);
            var pearl = await store.UpdateAsync(r.GetValue(id)!, update, ct);
            if (r.GetValue(json)) CliOutput.Json(pearl, Json.Pearl);
            else PearlsOptions.Done($"Updated {pearl.Id}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Close()
    {
        var id = PearlsOptions.Id();
        var reason = new Option<string?>("--reason", "-r") { Description = "Why; kept as a comment" };
        var json = PearlsOptions.Json();
        var command = new Command("close", "Close a pearl") { id, reason, json };
        command.SetAction(async (r, ct) =>
        {
            await using var store = await PearlsOptions.OpenStoreAsync(ct);
            var pearl = await store.CloseAsync(r.GetValue(id)!, r.GetValue(reason), ct);
            if (r.GetValue(json)) CliOutput.Json(pearl, Json.Pearl);
            else PearlsOptions.Done($"Closed {pearl.Id}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Reopen()
    {
        var id = PearlsOptions.Id();
        var json = PearlsOptions.Json();
        var command = new Command("reopen", "Set a pearl back to open") { id, json };
        command.SetAction(async (r, ct) =>
        {
            await using var store = await PearlsOptions.OpenStoreAsync(ct);
            var pearl = await store.ReopenAsync(r.GetValue(id)!, ct);
            if (r.GetValue(json)) CliOutput.Json(pearl, Json.Pearl);
            else PearlsOptions.Done($"Reopened {pearl.Id}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Ready()
    {
        var limit = new Option<int?>("--limit", "-n") { Description = "At most this many" };
        var json = PearlsOptions.Json();
        var command = new Command("ready", "Pearls ready to work: open, every blocking dependency closed; by priority then age") { limit, json };
        command.SetAction(async (r, ct) =>
        {
            await using var store = await PearlsOptions.OpenStoreAsync(ct);
            var pearls = await store.ReadyAsync(r.GetValue(limit), ct);
            if (r.GetValue(json)) CliOutput.Json(pearls, Json.IReadOnlyListPearl);
            else PearlsView.Table(CliOutput.Human, pearls, "Nothing is ready.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Comment()
    {
        var id = PearlsOptions.Id();
        var body = new Argument<string>("text") { Description = "The comment" };
        var json = PearlsOptions.Json();
        var command = new Command("comment", "Add a comment to a pearl") { id, body, json };
        command.SetAction(async (r, ct) =>
        {
            await using var store = await PearlsOptions.OpenStoreAsync(ct);
            var comment = await store.AddCommentAsync(r.GetValue(id)!, r.GetValue(body)!, ct);
            if (r.GetValue(json)) CliOutput.Json(comment, Json.PearlComment);
            else PearlsOptions.Done($"Commented on {PearlsStoreId(r.GetValue(id)!)} ({comment.Id})");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command History()
    {
        var id = PearlsOptions.Id();
        var json = PearlsOptions.Json();
        var command = new Command("history", "Every recorded change of a pearl: who, when, old and new value") { id, json };
        command.SetAction(async (r, ct) =>
        {
            await using var store = await PearlsOptions.OpenStoreAsync(ct);
            var history = await store.HistoryAsync(r.GetValue(id)!, ct);
            if (r.GetValue(json))
            {
                CliOutput.Json(history, Json.IReadOnlyListPearlChange);
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Simple)
                .AddColumn("when").AddColumn("who").AddColumn("field").AddColumn("old").AddColumn("new");
            foreach (var h in history)
            {
                table.AddRow(h.At.ToString("u"), PearlsView.Esc(h.Actor), PearlsView.Esc(h.Field), PearlsView.Esc(Short(h.OldValue)), PearlsView.Esc(Short(h.NewValue)));
            }
            CliOutput.Human.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string PearlsStoreId(string id) => id.Trim().ToLowerInvariant();

    private static string Short(string? s) => s is null ? "-" : s.Length <= 60 ? s.ReplaceLineEndings(" ") : s[..57].ReplaceLineEndings(" ") + "...";
}
