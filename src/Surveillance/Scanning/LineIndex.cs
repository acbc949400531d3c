namespace Smooth.Surveillance.Scanning;

/// <summary>
/// Maps offsets to 1-based line and column. Findings come in order of offset, so the lines are counted forward from
/// the last offset asked about (one vectorised count over the text in all), not indexed for the whole text up front;
/// an earlier offset counts again from the start.
/// </summary>
internal sealed class LineIndex(string text)
{
    private int _offset;
    private int _line = 1;
    private int _lineStart;

    public (int Line, int Column) Locate(int offset)
    {
        if (offset < _offset)
        {
            (_offset, _line, _lineStart) = (0, 1, 0);
        }
        var between = text.AsSpan(_offset, offset - _offset);
        var newlines = between.Count('\n');
        if (newlines > 0)
        {
            _line += newlines;
            _lineStart = _offset + between.LastIndexOf('\n') + 1;
        }
        _offset = offset;
        return (_line, offset - _lineStart + 1);
    }
}
