namespace CxDashboard.Core.Ingestion;

/// <summary>One problem in an input file: where (line, column — both 1-based) and why.</summary>
public sealed record ImportError(string File, int Line, int? Column, string? Field, string Reason)
{
    public override string ToString() =>
        $"{File}:{Line}{(Column is { } c ? $":{c}" : "")}: {(Field is null ? "" : $"{Field}: ")}{Reason}";
}
