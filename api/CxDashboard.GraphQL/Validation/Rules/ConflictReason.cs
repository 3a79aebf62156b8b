namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>Why two fields conflict: a sentence, or the conflicts of their sub-fields.</summary>
internal sealed record ConflictReason(string? Message, IReadOnlyList<(string ResponseName, ConflictReason Reason)>? SubConflicts)
{
    public string Describe() => Message ?? ValidationErrors.SubfieldsReason(SubConflicts!);
}
