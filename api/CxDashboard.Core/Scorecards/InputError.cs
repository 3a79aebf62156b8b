using CxDashboard.Core.Values;

namespace CxDashboard.Core.Scorecards;

/// <summary>
/// One reason an input was refused: where (a path into the input, e.g. <c>input.targets[2].value</c>), why in English,
/// and the same as a stable <see cref="KpiProblem"/> code with its params (for a client to say it in its reader's language).
/// </summary>
public sealed record InputError(string Path, string Message, string Code, IReadOnlyDictionary<string, object?> Params);

/// <summary>Thrown before anything is written when an input is invalid; carries every problem found.</summary>
public sealed class InputRejectedException(IReadOnlyList<InputError> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")))
{
    public IReadOnlyList<InputError> Errors { get; } = errors;
}

/// <summary>Collects input errors under a path prefix and throws them all at once.</summary>
internal sealed class InputErrors(string prefix)
{
    private readonly List<InputError> errors = [];

    public bool Any => errors.Count > 0;

    /// <summary>A problem at <paramref name="field"/>: its <see cref="KpiProblem"/> code, its English message and the values it names.</summary>
    public void Add(string field, string code, string message, params (string Name, object? Value)[] values) =>
        errors.Add(new InputError(field.Length == 0 ? prefix : $"{prefix}.{field}", message, code, values.ToDictionary(v => v.Name, v => v.Value)));

    public void ThrowIfAny()
    {
        if (errors.Count > 0) throw new InputRejectedException([.. errors]);
    }
}
