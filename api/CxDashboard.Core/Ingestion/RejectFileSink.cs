using System.Text.Json;

namespace CxDashboard.Core.Ingestion;

/// <summary>
/// Writes quarantined rows next to their reasons. CSV: <c>line,errors,</c> followed by the original
/// columns, so the file can be fixed and re-imported after dropping two columns. JSON lines:
/// <c>{"line":…,"errors":[…],"record":…}</c>.
/// </summary>
public sealed class RejectFileSink(TextWriter writer, ImportFormat format) : IRejectSink, IDisposable
{
    private bool headerWritten;

    public long Count { get; private set; }

    public void Write(RejectedRow row, IReadOnlyList<string> header)
    {
        Count++;
        if (format == ImportFormat.Csv)
        {
            if (!headerWritten)
            {
                writer.WriteLine(string.Join(',', new[] { "line", "errors" }.Concat(header)));
                headerWritten = true;
            }
            writer.WriteLine($"{row.Line},{Quote(string.Join("; ", row.Reasons))},{row.Text}");
        }
        else
        {
            object record;
            try { record = JsonDocument.Parse(row.Text).RootElement.Clone(); }
            catch (JsonException) { record = row.Text; }
            writer.WriteLine(JsonSerializer.Serialize(new { line = row.Line, errors = row.Reasons, record }));
        }
    }

    public void Dispose() => writer.Dispose();

    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"") + "\"";
}
