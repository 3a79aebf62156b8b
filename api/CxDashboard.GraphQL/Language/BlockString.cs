using System.Text;

namespace CxDashboard.GraphQL.Language;

/// <summary>Block string value computation (lexing) and block string printing.</summary>
public static class BlockString
{
    /// <summary>
    /// BlockStringValue(rawValue): "Let commonIndent be the minimum leading whitespace of every line but the
    /// first that is not only whitespace", strip it, drop leading and trailing blank lines, join with \n.
    /// https://spec.graphql.org/October2021/#BlockStringValue()
    /// </summary>
    public static string Dedent(IReadOnlyList<string> lines)
    {
        var commonIndent = int.MaxValue;
        var first = -1;
        var last = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var indent = LeadingWhitespace(line);
            if (indent == line.Length) continue;
            if (first < 0) first = i;
            last = i;
            if (i != 0 && indent < commonIndent) commonIndent = indent;
        }
        if (first < 0) return "";
        if (first == last) return first == 0 ? lines[0] : lines[first][commonIndent..];

        var sb = new StringBuilder();
        for (var i = first; i <= last; i++)
        {
            if (i > first) sb.Append('\n');
            var line = lines[i];
            if (i == 0) sb.Append(line);
            else if (line.Length > commonIndent) sb.Append(line, commonIndent, line.Length - commonIndent);
        }
        return sb.ToString();
    }

    /// <summary>The block-string value of raw text (splits lines on \r\n, \n, \r).</summary>
    public static string Dedent(string raw)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] is not ('\n' or '\r')) continue;
            lines.Add(raw[start..i]);
            if (raw[i] == '\r' && i + 1 < raw.Length && raw[i + 1] == '\n') i++;
            start = i + 1;
        }
        lines.Add(raw[start..]);
        return Dedent(lines);
    }

    /// <summary>
    /// Prints a value as a block string the way graphql-js <c>printBlockString</c> does: escapes """, puts the
    /// value on its own lines when it has several lines, is long, or would end in a quote or backslash.
    /// </summary>
    public static string Print(string value)
    {
        var escaped = value.Replace("\"\"\"", "\\\"\"\"");
        var lines = SplitLines(escaped);
        var isSingleLine = lines.Count == 1;
        var forceLeadingNewLine = lines.Count > 1 && lines.Skip(1).All(l => l.Length == 0 || IsWhiteSpace(l[0]));
        var hasTrailingTripleQuotes = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        var hasTrailingQuote = value.EndsWith('"') && !hasTrailingTripleQuotes;
        var hasTrailingSlash = value.EndsWith('\\');
        var forceTrailingNewLine = hasTrailingQuote || hasTrailingSlash;
        var printAsMultipleLines = !isSingleLine || value.Length > 70 || forceTrailingNewLine || forceLeadingNewLine
            || hasTrailingTripleQuotes;

        var sb = new StringBuilder("\"\"\"");
        var skipLeadingNewLine = isSingleLine && value.Length > 0 && IsWhiteSpace(value[0]);
        if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine) sb.Append('\n');
        sb.Append(escaped);
        if (printAsMultipleLines || forceTrailingNewLine) sb.Append('\n');
        return sb.Append("\"\"\"").ToString();
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\n' or '\r')) continue;
            lines.Add(text[start..i]);
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        lines.Add(text[start..]);
        return lines;
    }

    private static int LeadingWhitespace(string line)
    {
        var i = 0;
        while (i < line.Length && IsWhiteSpace(line[i])) i++;
        return i;
    }

    private static bool IsWhiteSpace(char c) => c is ' ' or '\t';
}
