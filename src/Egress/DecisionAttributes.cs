using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Smooth.Egress;

/// <summary>
/// The attributes of an <c>egress.decision</c> event: a fixed set of keys, so they are kept in one array slot per key
/// instead of a hashed dictionary (one event per request; building a dictionary was the costliest part of it).
/// Reads like the dictionary it replaces: the same keys and values, enumerated in the same order, keys compared ordinally.
/// </summary>
internal sealed class DecisionAttributes : IReadOnlyDictionary<string, string>
{
    /// <summary>The keys, in the order they are enumerated.</summary>
    private static readonly string[] Names =
        ["decision", "code", "scheme", "host", "port", "reason", "bytesIn", "bytesOut", "durationMs", "method", "path", "rule", "address", "status", "client"];

    private readonly string?[] _values = new string?[Names.Length];
    private int _count;

    /// <summary>Sets the value of <paramref name="name"/>, one of the fixed keys; a null value leaves the key out.</summary>
    public string? this[Slot name]
    {
        set
        {
            if (_values[(int)name] is null && value is not null) _count++;
            else if (_values[(int)name] is not null && value is null) _count--;
            _values[(int)name] = value;
        }
    }

    /// <summary>The fixed keys, by position.</summary>
    public enum Slot { Decision, Code, Scheme, Host, Port, Reason, BytesIn, BytesOut, DurationMs, Method, Path, Rule, Address, Status, Client }

    /// <inheritdoc />
    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no attribute '{key}'");

    /// <inheritdoc />
    public int Count => _count;

    /// <inheritdoc />
    public IEnumerable<string> Keys => this.Select(kv => kv.Key);

    /// <inheritdoc />
    public IEnumerable<string> Values => this.Select(kv => kv.Value);

    /// <inheritdoc />
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var i = Array.IndexOf(Names, key);
        value = i >= 0 ? _values[i] : null;
        return value is not null;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (_values[i] is { } value) yield return new(Names[i], value);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
