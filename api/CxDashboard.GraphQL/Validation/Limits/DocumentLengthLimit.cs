using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Validation.Limits;

/// <summary>
/// <see cref="ValidationOptions.MaxDocumentLength"/>: rejects documents longer than the limit. Hosts should
/// call <see cref="Check(string, ValidationOptions)"/> before parsing, so an oversized text is never parsed;
/// the validator checks again on the parsed document.
/// </summary>
public static class DocumentLengthLimit
{
    public static GraphQLError? Check(string source, ValidationOptions options) =>
        options.MaxDocumentLength is { } max && source.Length > max ? ValidationErrors.DocumentTooLong(source.Length, max) : null;

    public static GraphQLError? Check(DocumentNode document, ValidationOptions options)
    {
        if (options.MaxDocumentLength is not { } max) return null;
        var length = document.Source?.Length ?? document.End;
        return length > max ? ValidationErrors.DocumentTooLong(length, max) : null;
    }
}
