namespace CxDashboard.Core.Ingestion;

public enum ImportKind
{
    OrgUnits,
    Responses,
    Interactions,
}

public enum ImportFormat
{
    Csv,
    JsonLines,
}

public static class ImportNames
{
    public static readonly string[] Kinds = ["org-units", "responses", "interactions"];

    public static ImportKind? ParseKind(string name) => name.ToLowerInvariant() switch
    {
        "org-units" or "org_units" or "orgunits" => ImportKind.OrgUnits,
        "responses" or "survey-responses" => ImportKind.Responses,
        "interactions" => ImportKind.Interactions,
        _ => null,
    };

    public static string Name(this ImportKind kind) => kind switch
    {
        ImportKind.OrgUnits => "org-units",
        ImportKind.Responses => "responses",
        _ => "interactions",
    };

    /// <summary>Format from the file name: .jsonl/.ndjson/.json are JSON lines, anything else CSV.</summary>
    public static ImportFormat FormatFromFileName(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() is ".jsonl" or ".ndjson" or ".json" ? ImportFormat.JsonLines : ImportFormat.Csv;

    public static ImportEncoding? ParseEncoding(string name) => name.ToLowerInvariant().Replace("-", "").Replace("_", "") switch
    {
        "utf8" => ImportEncoding.Utf8,
        "latin1" or "iso88591" => ImportEncoding.Latin1,
        _ => null,
    };

    public static ImportFormat? ParseFormat(string name) => name.ToLowerInvariant() switch
    {
        "csv" => ImportFormat.Csv,
        "jsonl" or "ndjson" or "json" => ImportFormat.JsonLines,
        _ => null,
    };
}
