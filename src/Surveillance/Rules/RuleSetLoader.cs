using System.Text.RegularExpressions;
using Smooth.Core;
using Smooth.Llm.Config;
using Smooth.Surveillance.Guards;

namespace Smooth.Surveillance.Rules;

/// <summary>
/// Builds a <see cref="RuleSet"/>: the built-in rules (an embedded resource), then <c>~/.smooth/surveillance.yaml</c>,
/// then <c>&lt;project&gt;/.smooth/surveillance.yaml</c>. Later files add rules, replace a rule (same id with a regex),
/// override some fields of one (same id without a regex), disable rules and extend the allowlist.
/// </summary>
public static class RuleSetLoader
{
    /// <summary>The name of user and project rule files.</summary>
    public const string FileName = "surveillance.yaml";

    /// <summary>The source name of the shipped rules.</summary>
    public const string BuiltinSource = "builtin";

    private static readonly Lazy<RuleFile> Builtin = new(() => RuleFileParser.Parse(ReadBuiltinText(), BuiltinSource));

    /// <summary>The text of the shipped rule file.</summary>
    public static string ReadBuiltinText()
    {
        using var stream = typeof(RuleSetLoader).Assembly.GetManifestResourceStream("Smooth.Surveillance.builtin-rules.yaml")
            ?? throw new InvalidOperationException("the built-in surveillance rules are missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary><c>~/.smooth/surveillance.yaml</c>, next to <c>providers.json</c>.</summary>
    public static string UserRulesPath() =>
        Path.Combine(Path.GetDirectoryName(ProvidersStore.ForCurrentUser().Path)!, FileName);

    /// <summary><c>&lt;projectRoot&gt;/.smooth/surveillance.yaml</c>.</summary>
    public static string ProjectRulesPath(string projectRoot) => Path.Combine(ProjectLocator.StateDir(projectRoot), FileName);

    /// <summary>The built-in rules only.</summary>
    public static RuleSet LoadBuiltin() => Build([Builtin.Value]);

    /// <summary>Loads the built-in rules extended by the user file and the project file (each skipped when absent).</summary>
    public static async Task<RuleSet> LoadAsync(string? userFile, string? projectFile, CancellationToken ct)
    {
        var files = new List<RuleFile> { Builtin.Value };
        foreach (var path in new[] { userFile, projectFile })
        {
            if (path is null || !File.Exists(path)) continue;
            var text = await File.ReadAllTextAsync(path, ct);
            files.Add(RuleFileParser.Parse(text, path));
        }
        return Build(files);
    }

    /// <summary>Loads the rules that apply in <paramref name="projectRoot"/> (null: user and built-in only).</summary>
    public static Task<RuleSet> LoadForProjectAsync(string? projectRoot, CancellationToken ct) =>
        LoadAsync(UserRulesPath(), projectRoot is null ? null : ProjectRulesPath(projectRoot), ct);

    /// <summary>Merges parsed files in order and compiles the result; throws <see cref="SmoothException"/> naming every bad rule by file and line.</summary>
    public static RuleSet Build(IReadOnlyList<RuleFile> files) => Build(files, null);

    /// <summary>As <see cref="Build(IReadOnlyList{RuleFile})"/>; <paramref name="modelBytes"/> replaces the shipped scorer models (tests of broken models).</summary>
    internal static RuleSet Build(IReadOnlyList<RuleFile> files, Func<string, byte[]>? modelBytes)
    {
        var errors = new List<string>();
        var specs = new List<RuleSpec>();
        var allowValues = new List<Regex>();
        var allowPaths = new List<PathGlob>();
        foreach (var file in files)
        {
            foreach (var id in file.Disable)
            {
                var i = specs.FindIndex(s => s.Id == id);
                if (i < 0) errors.Add($"{file.Source}: disable: no rule '{id}' to disable");
                else specs[i] = specs[i] with { Enabled = false, Source = $"{specs[i].Source} (disabled in {file.Source})" };
            }
            foreach (var spec in file.Rules)
            {
                var i = specs.FindIndex(s => s.Id == spec.Id);
                if (i < 0)
                {
                    if (spec.Regex is null && spec.Heuristic is null && spec.Scorer is null)
                    {
                        errors.Add($"{spec.Source}:{spec.Line}: rule '{spec.Id}': there is no rule with this id to override; give a regex (or a scorer) to add a new rule");
                        continue;
                    }
                    specs.Add(spec);
                }
                else if (spec.Regex is not null || spec.Scorer is not null)
                {
                    specs[i] = spec with { Source = $"{spec.Source} (replaces {specs[i].Source})" };
                }
                else
                {
                    specs[i] = Merge(specs[i], spec);
                }
            }
            foreach (var v in file.AllowValues)
            {
                if (RuleCompiler.Build(v, false, $"{file.Source}: allowlist.values '{v}'", errors) is { } r) allowValues.Add(r);
            }
            foreach (var g in file.AllowPaths)
            {
                try
                {
                    allowPaths.Add(PathGlob.Parse(g));
                }
                catch (ArgumentException e)
                {
                    errors.Add($"{file.Source}: allowlist.paths '{g}': {e.Message}");
                }
            }
        }
        var compiled = new List<CompiledRule>();
        foreach (var spec in specs)
        {
            if (spec.Enabled == false) continue;
            // The shipped rules, untouched by any file, build their regexes on first use (see RuleCompiler.Compile).
            if (RuleCompiler.Compile(spec, errors, spec.Source == BuiltinSource, modelBytes) is { } rule) compiled.Add(rule);
        }
        if (errors.Count > 0)
        {
            throw new SmoothException("the surveillance rules are not valid:\n  " + string.Join("\n  ", errors),
                "fix the rule files named above (format: docs/surveillance.md); nothing was loaded from them", ExitCodes.BadInput);
        }
        return new RuleSet(compiled, allowValues, allowPaths, files.Select(f => f.Source).ToArray());
    }

    private static RuleSpec Merge(RuleSpec baseSpec, RuleSpec over) => baseSpec with
    {
        Category = over.Category ?? baseSpec.Category,
        Severity = over.Severity ?? baseSpec.Severity,
        Action = over.Action ?? baseSpec.Action,
        Description = over.Description ?? baseSpec.Description,
        Keywords = over.Keywords ?? baseSpec.Keywords,
        KeywordsAtWordStart = over.KeywordsAtWordStart ?? baseSpec.KeywordsAtWordStart,
        KeywordsCaseSensitive = over.KeywordsCaseSensitive ?? baseSpec.KeywordsCaseSensitive,
        Gate = over.Gate ?? baseSpec.Gate,
        // Allowlists extend: an override can only add exceptions, it cannot silently drop the shipped ones.
        Allowlist = over.Allowlist is null ? baseSpec.Allowlist : [.. baseSpec.Allowlist ?? [], .. over.Allowlist],
        Entropy = over.Entropy ?? baseSpec.Entropy,
        CertainEntropy = over.CertainEntropy ?? baseSpec.CertainEntropy,
        Reach = over.Reach ?? baseSpec.Reach,
        MinRun = over.MinRun ?? baseSpec.MinRun,
        TriggerChars = over.TriggerChars ?? baseSpec.TriggerChars,
        Sample = over.Sample ?? baseSpec.Sample,
        Enabled = over.Enabled ?? baseSpec.Enabled,
        Heuristic = over.Heuristic ?? baseSpec.Heuristic,
        Threshold = over.Threshold ?? baseSpec.Threshold,
        CorroboratedThreshold = over.CorroboratedThreshold ?? baseSpec.CorroboratedThreshold,
        Source = $"{baseSpec.Source} (overridden in {over.Source}:{over.Line})",
    };
}
