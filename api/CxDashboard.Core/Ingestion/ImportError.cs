namespace CxDashboard.Core.Ingestion;

/// <summary>
/// One problem in an input file: where (line, column — both 1-based), why in English (<see cref="Reason"/>), and the
/// same as a stable <see cref="ImportProblem"/> code with the values it names (for a client to say it in its language).
/// </summary>
public sealed record ImportError(string File, int Line, int? Column, string? Field, string Reason, string Code, IReadOnlyDictionary<string, object?> Params)
{
    public ImportError(string file, int line, int? column, string? field, string code, string reason, params (string Name, object? Value)[] values)
        : this(file, line, column, field, reason, code, values.ToDictionary(v => v.Name, v => v.Value))
    {
    }

    public override string ToString() =>
        $"{File}:{Line}{(Column is { } c ? $":{c}" : "")}: {(Field is null ? "" : $"{Field}: ")}{Reason}";
}
