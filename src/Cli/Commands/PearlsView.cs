using Smooth.Pearls.Model;
using Spectre.Console;

namespace Smooth.Cli.Commands;

/// <summary>Human (Spectre.Console) rendering of pearls, shared by the pearls commands.</summary>
internal static class PearlsView
{
    /// <summary>A table of pearls, one row each; says so when there are none.</summary>
    public static void Table(IAnsiConsole console, IReadOnlyList<Pearl> pearls, string empty)
    {
        if (pearls.Count == 0)
        {
            console.WriteLine(empty);
            return;
        }
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("id").AddColumn("p").AddColumn("status").AddColumn("type").AddColumn("title").AddColumn("labels").AddColumn("assignee");
        foreach (var p in pearls)
        {
            table.AddRow(
                Esc(p.Id), p.Priority.ToString(), Esc(PearlNames.Name(p.Status)), Esc(PearlNames.Name(p.Type)),
                Esc(p.Title), Esc(string.Join(", ", p.Labels)), Esc(p.Assignee ?? ""));
        }
        console.Write(table);
        console.WriteLine($"{pearls.Count} pearl{(pearls.Count == 1 ? "" : "s")}");
    }

    /// <summary>One pearl with its edges, children and comments.</summary>
    public static void Details(IAnsiConsole console, PearlDetails d)
    {
        var p = d.Pearl;
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string k, string? v) => grid.AddRow(new Markup($"[bold]{k}[/]"), new Text(v ?? "-"));
        Row("id", p.Id);
        Row("title", p.Title);
        Row("status", PearlNames.Name(p.Status));
        Row("priority", p.Priority.ToString());
        Row("type", PearlNames.Name(p.Type));
        Row("labels", p.Labels.Count == 0 ? null : string.Join(", ", p.Labels));
        Row("assignee", p.Assignee);
        Row("parent", p.Parent);
        Row("children", d.Children.Count == 0 ? null : string.Join(", ", d.Children));
        Row("depends on", d.Dependencies.Count == 0 ? null : string.Join(", ", d.Dependencies.Select(e => $"{e.DependsOn} ({PearlNames.Name(e.Kind)})")));
        Row("needed by", d.Dependents.Count == 0 ? null : string.Join(", ", d.Dependents.Select(e => $"{e.PearlId} ({PearlNames.Name(e.Kind)})")));
        Row("created", p.CreatedAt.ToString("u"));
        Row("updated", p.UpdatedAt.ToString("u"));
        Row("closed", p.ClosedAt?.ToString("u"));
        Row("outputs", p.Outputs?.GetRawText());
        console.Write(grid);
        if (p.Description.Length > 0)
        {
            console.WriteLine();
            console.WriteLine(p.Description);
        }
        if (d.Closure.Count > 0)
        {
            console.WriteLine();
            var table = new Table().Border(TableBorder.Simple).AddColumn("depth").AddColumn("via").AddColumn("id").AddColumn("status").AddColumn("title");
            foreach (var c in d.Closure)
            {
                table.AddRow(c.Depth.ToString(), PearlNames.Name(c.Via), Esc(c.Pearl.Id), Esc(PearlNames.Name(c.Pearl.Status)), Esc(c.Pearl.Title));
            }
            console.Write(table);
        }
        foreach (var c in d.Comments)
        {
            console.WriteLine();
            console.MarkupLine($"[bold]{Esc(c.Author)}[/] {c.CreatedAt:u} ({Esc(c.Id)})");
            console.WriteLine(c.Body);
        }
    }

    /// <summary>Escapes user text for Spectre markup.</summary>
    public static string Esc(string text) => Markup.Escape(text);
}
