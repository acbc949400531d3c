using System.Text;

namespace Smooth.Operator.Tools.Shell;

/// <summary>A thread-safe text buffer that keeps at most the last N characters.</summary>
public sealed class TailBuffer(int capacity)
{
    private readonly StringBuilder _sb = new();
    private long _dropped;

    /// <summary>Characters dropped from the front so far.</summary>
    public long Dropped
    {
        get { lock (_sb) return _dropped; }
    }

    /// <summary>Appends text, dropping the oldest when over capacity.</summary>
    public void Append(ReadOnlySpan<char> text)
    {
        lock (_sb)
        {
            _sb.Append(text);
            if (_sb.Length > capacity)
            {
                var cut = _sb.Length - capacity;
                _sb.Remove(0, cut);
                _dropped += cut;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        lock (_sb) return _sb.ToString();
    }
}
