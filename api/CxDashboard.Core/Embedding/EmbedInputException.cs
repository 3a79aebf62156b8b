namespace CxDashboard.Core.Embedding;

/// <summary>Registration input that cannot be accepted: every problem, by field, and nothing was written.</summary>
public sealed class EmbedInputException(IReadOnlyList<(string Field, string Message)> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<(string Field, string Message)> Errors { get; } = errors;
}
