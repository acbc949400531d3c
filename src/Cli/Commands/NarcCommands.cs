using System.CommandLine;
using Smooth.Cli.Output;
using Smooth.Core;
using Smooth.Surveillance;
using Smooth.Surveillance.Reports;
using Smooth.Surveillance.Rules;
using Spectre.Console;

namespace Smooth.Cli.Commands;

/// <summary><c>th narc scan|rules</c>: Narc, the surveillance rules — scan a file for secrets, injection and dangerous commands; list the active rules.</summary>
public static class NarcCommands
{
    private const long MaxInputBytes = 64L * 1024 * 1024;

    /// <summary>Builds the command group.</summary>
    public static Command Build()
    {
        var command = new Command("narc", "Narc, the surveillance: scan text for secrets, prompt injection and dangerous commands; list the active rules");
        command.Add(BuildScan());
        command.Add(BuildRules());
        return command;
    }

    private static Command BuildScan()
    {
        var input = new Argument<string>("file") { Description = "The file to scan, or - for standard input" };
        var json = new Option<bool>("--json") { Description = "Print the findings as JSON (shape in docs/surveillance.md)" };
        var command = new Command("scan", "Explain every match in a file: rule, category, line:column, severity and a redacted preview. Exits 1 when anything is high or critical") { input, json };
        command.SetAction(async (parse, ct) =>
        {
            var source = parse.GetValue(input)!;
            var text = await ReadInputAsync(source, ct);
            var engine = new SurveillanceEngine(await LoadRulesAsync(ct));
            var result = engine.ScanText(text, source == "-" ? null : source);
            var high = result.Findings.Any(f => f.Severity >= Severity.High);
            if (parse.GetValue(json))
            {
                CliOutput.Json(new ScanReport { Source = source, Findings = result.Findings.Select(FindingReport.From).ToList(), HighSeverity = high },
                    SurveillanceJsonContext.Default.ScanReport);
            }
            else
            {
                PrintFindings(source, text, result.Findings);
            }
            return high ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildRules()
    {
        var json = new Option<bool>("--json") { Description = "Print the rules as JSON (shape in docs/surveillance.md)" };
        var command = new Command("rules", "List the active rules and the file each came from (built-in, ~/.smooth/surveillance.yaml, <project>/.smooth/surveillance.yaml)") { json };
        command.SetAction(async (parse, ct) =>
        {
            var rules = await LoadRulesAsync(ct);
            var reports = rules.Rules.Select(RuleReport.From).ToList();
            foreach (var glob in SurveillanceOptions.DefaultProtectedPaths)
            {
                reports.Add(new RuleReport
                {
                    Id = "protected-path", Category = "write", Severity = "high", Action = "block", Description = glob,
                    Keywords = [], Source = "default (policy may replace)", Line = 0, Engine = "glob",
                });
            }
            if (parse.GetValue(json))
            {
                CliOutput.Json<IReadOnlyList<RuleReport>>(reports, SurveillanceJsonContext.Default.IReadOnlyListRuleReport);
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Simple)
                .AddColumn("id").AddColumn("category").AddColumn("severity").AddColumn("action").AddColumn("source");
            foreach (var r in reports)
            {
                var id = r.Engine switch
                {
                    "glob" => $"{r.Id} {r.Description}",
                    "scorer" => FormattableString.Invariant($"{r.Id} (scorer {r.Scorer}, threshold {r.Threshold:0.000}{(r.CorroboratedThreshold is { } c ? ", " + c.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) + " when corroborated" : "")})"),
                    _ => r.Id,
                };
                table.AddRow(Markup.Escape(id), r.Category, r.Severity, r.Action, Markup.Escape(r.Line > 0 && r.Source != RuleSetLoader.BuiltinSource ? $"{r.Source}:{r.Line}" : r.Source));
            }
            CliOutput.Human.Write(table);
            CliOutput.Line($"{rules.Rules.Count} rules from {string.Join(", ", rules.Files)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<RuleSet> LoadRulesAsync(CancellationToken ct)
    {
        var project = ProjectLocator.FindProjectRoot(Directory.GetCurrentDirectory());
        return await RuleSetLoader.LoadForProjectAsync(project, ct);
    }

    private static async Task<string> ReadInputAsync(string source, CancellationToken ct)
    {
        if (source == "-")
        {
            return await Console.In.ReadToEndAsync(ct);
        }
        if (Directory.Exists(source))
        {
            throw new SmoothException($"'{source}' is a directory", "pass one file, or - to read standard input (e.g. 'git diff | th narc scan -')", ExitCodes.BadInput);
        }
        if (!File.Exists(source))
        {
            throw new SmoothException($"file '{source}' does not exist", "pass the path of a file to scan, or - to read standard input", ExitCodes.NotFound);
        }
        if (new FileInfo(source).Length > MaxInputBytes)
        {
            throw new SmoothException($"'{source}' is larger than {MaxInputBytes / 1024 / 1024} MiB", "scan a smaller file, or split it", ExitCodes.BadInput);
        }
        return await File.ReadAllTextAsync(source, ct);
    }

    private static void PrintFindings(string source, string text, IReadOnlyList<Finding> findings)
    {
        var name = source == "-" ? "<stdin>" : source;
        if (findings.Count == 0)
        {
            CliOutput.Line($"No findings in {name}.");
            return;
        }
        foreach (var f in findings)
        {
            var colour = f.Severity switch { Severity.Critical => "red bold", Severity.High => "red", Severity.Medium => "yellow", _ => "grey" };
            CliOutput.Markup($"{Markup.Escape($"{name}:{f.Span.Line}:{f.Span.Column}")}  [{colour}]{f.Severity.ToString().ToLowerInvariant()}[/]  {Markup.Escape(f.RuleId)} ({f.Category.ToString().ToLowerInvariant()}, {f.Action.ToString().ToLowerInvariant()})");
            CliOutput.Line($"    {f.Description}");
            if (f.Score is { } score)
            {
                // A scorer explains itself by its window and its score: which text it read, and by how much it crossed the line.
                var (endLine, endColumn) = Position(text, Math.Max(f.Span.Start, f.Span.End - 1));
                CliOutput.Line(FormattableString.Invariant($"    window {f.Span.Line}:{f.Span.Column}-{endLine}:{endColumn} (characters {f.Span.Start}-{f.Span.End}) scores {score:0.000}, threshold {f.Threshold:0.000}{(f.Corroboration is { } c ? ", corroborated by the heuristic: " + string.Join(", ", c) : "")}"));
            }
            CliOutput.Line($"    {f.Preview}");
        }
        var high = findings.Count(f => f.Severity >= Severity.High);
        CliOutput.Line($"{findings.Count} finding{(findings.Count == 1 ? "" : "s")} in {name}, {high} high or critical.");
    }

    // 1-based line and column of a character.
    private static (int Line, int Column) Position(string text, int offset)
    {
        var before = text.AsSpan(0, Math.Min(offset, text.Length));
        var lineStart = before.LastIndexOf('\n') + 1;
        return (before.Count('\n') + 1, offset - lineStart + 1);
    }
}
