namespace Smooth.Surveillance.Scanning;

/// <summary>Maps offsets to 1-based line and column, built once per text that has findings.</summary>
internal sealed class LineIndex
{
    private readonly List<int> _lineStarts = [0];

    public LineIndex(string text)
    {
        var span = text.AsSpan();
        var offset = 0;
        while (true)
        {
            var i = span[offset..].IndexOf('\n');
            if (i < 0) break;
            offset += i + 1;
            _lineStarts.Add(offset);
        }
    }

    public (int Line, int Column) Locate(int offset)
    {
        var i = _lineStarts.BinarySearch(offset);
        if (i < 0) i = ~i - 1;
        return (i + 1, offset - _lineStarts[i] + 1);
    }
}
