using System.Buffers;
using System.Globalization;
using System.Text;
using Npgsql;
using SpreadCheetah;
using SpreadCheetah.Worksheets;

namespace CxDashboard.Core.Export;

/// <summary>Which raw facts a raw export reads.</summary>
public enum RawKind
{
    Responses,
    Interactions,
}

/// <summary>A raw export's selection: a unit's subtree, limited to the caller's visible units, over whole UTC days.</summary>
public sealed record RawSelection(RawKind Kind, long UnitId, long[] VisibleUnitIds, DateOnly From, DateOnly To);

/// <summary>
/// Raw facts of a subtree streamed row by row from PostgreSQL into an .xlsx (SpreadCheetah, which writes
/// each row into a small buffer that goes out as it fills) or a .csv: memory stays flat whatever the row
/// count, and the first bytes reach the client while later rows are still being read. A sheet holds at most
/// 1,048,575 data rows; the export continues on a next sheet.
/// </summary>
public sealed class RawExport(NpgsqlDataSource db)
{
    public const int MaxRowsPerSheet = 1_048_575;

    private static readonly string ResponsesSql = """
        SELECT r.external_id, r.responded_at, u.code, r.channel, r.journey_stage, r.segment, r.touchpoint,
               r.nps, r.csat, r.ces, r.comment, r.interaction_external_id
        FROM survey_response r JOIN org_unit u ON u.id = r.org_unit_id
        WHERE r.org_unit_id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = $1)
          AND r.org_unit_id = ANY($2) AND r.responded_at >= $3 AND r.responded_at < $4
        """;

    private static readonly string InteractionsSql = """
        SELECT i.external_id, i.customer_key, i.opened_at, i.first_response_at, i.closed_at, u.code, i.channel, i.journey_stage, i.segment,
               i.handle_seconds, i.resolved_first_contact, i.transfers, i.repeat_within_7d, i.escalated_from_self_service,
               i.contained_in_self_service, i.switched_channel, i.abandoned, i.sla_target_seconds
        FROM interaction i JOIN org_unit u ON u.id = i.org_unit_id
        WHERE i.org_unit_id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = $1)
          AND i.org_unit_id = ANY($2) AND i.opened_at >= $3 AND i.opened_at < $4
        """;

    public static readonly string[] ResponseColumns =
        ["external_id", "responded_at", "unit_code", "channel", "journey_stage", "segment", "touchpoint", "nps", "csat", "ces", "comment", "interaction_external_id"];

    public static readonly string[] InteractionColumns =
        ["external_id", "customer_key", "opened_at", "first_response_at", "closed_at", "unit_code", "channel", "journey_stage", "segment",
         "handle_seconds", "resolved_first_contact", "transfers", "repeat_within_7d", "escalated_from_self_service",
         "contained_in_self_service", "switched_channel", "abandoned", "sla_target_seconds"];

    public static string[] ColumnsOf(RawKind kind) => kind == RawKind.Responses ? ResponseColumns : InteractionColumns;

    /// <summary>Writes the selection as an .xlsx workbook to <paramref name="output"/>; returns the data rows written.</summary>
    public async Task<long> WriteXlsxAsync(RawSelection sel, Stream output, Action<long>? progress = null, CancellationToken ct = default)
    {
        var columns = ColumnsOf(sel.Kind);
        var sheetName = sel.Kind == RawKind.Responses ? "Responses" : "Interactions";
        await using var book = await Spreadsheet.CreateNewAsync(output, new SpreadCheetahOptions
        {
            BufferSize = 64 * 1024,
            // Cell references (r="B7") cost little and let strict readers (exceljs) place each cell.
            WriteCellReferenceAttributes = true,
            DefaultDateTimeFormat = SpreadCheetah.Styling.NumberFormat.Custom("yyyy-mm-dd hh:mm:ss"),
        }, ct);
        var header = columns.Select(c => new DataCell(c)).ToArray();
        var row = new DataCell[columns.Length];
        var sheets = 0;
        long rows = 0, inSheet = MaxRowsPerSheet;

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = Command(conn, sel);
        await using var reader = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        var readers = Readers(reader);
        while (await reader.ReadAsync(ct))
        {
            if (inSheet == MaxRowsPerSheet)
            {
                sheets++;
                var options = new WorksheetOptions { FrozenRows = 1 };
                for (var c = 1; c <= columns.Length; c++) options.Column(c).Width = columns[c - 1].EndsWith("_at", StringComparison.Ordinal) ? 19 : 14;
                options.AutoFilter = new AutoFilterOptions($"A1:{ClosedXML.Excel.XLHelper.GetColumnLetterFromNumber(columns.Length)}1");
                await book.StartWorksheetAsync(sheets == 1 ? sheetName : $"{sheetName} ({sheets})", options, ct);
                await book.AddRowAsync(header, ct);
                inSheet = 0;
            }
            for (var i = 0; i < row.Length; i++) row[i] = readers[i](reader, i);
            await book.AddRowAsync(row, ct);
            inSheet++;
            if (++rows % 50_000 == 0) progress?.Invoke(rows);
        }
        if (sheets == 0)
        {
            await book.StartWorksheetAsync(sheetName, new WorksheetOptions { FrozenRows = 1 }, ct);
            await book.AddRowAsync(header, ct);
        }
        await book.FinishAsync(ct);
        progress?.Invoke(rows);
        return rows;
    }

    /// <summary>Writes the selection as RFC 4180 CSV (UTF-8, ISO 8601 UTC timestamps); returns the data rows written.</summary>
    public async Task<long> WriteCsvAsync(RawSelection sel, Stream output, Action<long>? progress = null, CancellationToken ct = default)
    {
        var columns = ColumnsOf(sel.Kind);
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', columns));
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = Command(conn, sel);
        await using var reader = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        long rows = 0;
        var line = new StringBuilder(256);
        while (await reader.ReadAsync(ct))
        {
            line.Clear();
            for (var i = 0; i < columns.Length; i++)
            {
                if (i > 0) line.Append(',');
                if (await reader.IsDBNullAsync(i, ct)) continue;
                var v = reader.GetValue(i);
                switch (v)
                {
                    case DateTime t: line.Append(t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)); break;
                    case bool b: line.Append(b ? "true" : "false"); break;
                    case string s: Quote(line, s); break;
                    case IFormattable f: line.Append(f.ToString(null, CultureInfo.InvariantCulture)); break;
                    default: Quote(line, v.ToString() ?? ""); break;
                }
            }
            line.Append("\r\n");
            foreach (var chunk in line.GetChunks()) await writer.WriteAsync(chunk, ct);
            if (++rows % 50_000 == 0) progress?.Invoke(rows);
        }
        await writer.FlushAsync(ct);
        progress?.Invoke(rows);
        return rows;
    }

    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    private static void Quote(StringBuilder line, string s)
    {
        if (s.AsSpan().IndexOfAny(NeedsQuotes) < 0)
        {
            line.Append(s);
            return;
        }
        line.Append('"').Append(s.Replace("\"", "\"\"")).Append('"');
    }

    private static NpgsqlCommand Command(NpgsqlConnection conn, RawSelection sel)
    {
        var cmd = new NpgsqlCommand(sel.Kind == RawKind.Responses ? ResponsesSql : InteractionsSql, conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = sel.UnitId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = sel.VisibleUnitIds });
        cmd.Parameters.Add(new NpgsqlParameter { Value = new DateTimeOffset(sel.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = new DateTimeOffset(sel.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) });
        return cmd;
    }

    /// <summary>One typed cell reader per column, chosen once from the result's column types.</summary>
    private static Func<NpgsqlDataReader, int, DataCell>[] Readers(NpgsqlDataReader reader) =>
        Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetFieldType(i) switch
        {
            var t when t == typeof(string) => (Func<NpgsqlDataReader, int, DataCell>)((r, c) => r.IsDBNull(c) ? new DataCell() : new DataCell(r.GetString(c))),
            var t when t == typeof(DateTime) => (r, c) => r.IsDBNull(c) ? new DataCell() : new DataCell(r.GetDateTime(c)),
            var t when t == typeof(short) => (r, c) => r.IsDBNull(c) ? new DataCell() : new DataCell((int)r.GetInt16(c)),
            var t when t == typeof(int) => (r, c) => r.IsDBNull(c) ? new DataCell() : new DataCell(r.GetInt32(c)),
            var t when t == typeof(long) => (r, c) => r.IsDBNull(c) ? new DataCell() : new DataCell(r.GetInt64(c)),
            var t when t == typeof(bool) => (r, c) => r.IsDBNull(c) ? new DataCell() : new DataCell(r.GetBoolean(c)),
            _ => (r, c) => r.IsDBNull(c) ? new DataCell() : new DataCell(Convert.ToDouble(r.GetValue(c), CultureInfo.InvariantCulture)),
        }).ToArray();
}
