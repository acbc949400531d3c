using System.Text;

namespace Smooth.Policy;

/// <summary>Writes rules back as a policy file (used when a person grants access at project or user scope).</summary>
public static class PolicyWriter
{
    /// <summary>The YAML for <paramref name="rules"/>, with <paramref name="note"/> as a comment on top.</summary>
    public static string Write(IReadOnlyList<PolicyRule> rules, string note)
    {
        var sb = new StringBuilder();
        sb.Append("# Smooth policy (docs/policy.md). Last change: ").Append(note.Replace('\n', ' ')).Append('\n');
        foreach (var section in rules.GroupBy(r => r.Section.Split('.')[0]))
        {
            sb.Append(section.Key).Append(":\n");
            if (section.Key == "pearls")
            {
                // Single values: the narrowest of the file's own lines is the one that counts.
                foreach (var field in section.GroupBy(r => r.Section.Split('.')[1]))
                {
                    var value = field.Key == "depth" ? field.Min(r => int.Parse(r.Text, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture)
                        : field.Any(r => r.Text == "false") ? "false" : "true";
                    sb.Append("  ").Append(field.Key).Append(": ").Append(value).Append('\n');
                }
                continue;
            }
            foreach (var list in section.GroupBy(r => r.Section.Split('.')[1]))
            {
                sb.Append("  ").Append(list.Key).Append(":\n");
                foreach (var r in list)
                {
                    if (r.Methods is { Count: > 0 } || r.PathPrefix is not null)
                    {
                        sb.Append("    - {host: ").Append(Quote(r.Text));
                        if (r.Methods is { Count: > 0 } m) sb.Append(", methods: [").Append(string.Join(", ", m.Select(Quote))).Append(']');
                        if (r.PathPrefix is { } p) sb.Append(", path: ").Append(Quote(p));
                        sb.Append("}\n");
                    }
                    else
                    {
                        sb.Append("    - ").Append(Quote(r.Text)).Append('\n');
                    }
                }
            }
        }
        return sb.ToString();
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
