namespace CxDashboard.Api.Ingestion;

/// <summary>
/// The stable codes of a refused upload request (RFC 9457 problem extension <c>code</c>, with <c>params</c>), before
/// any file is read, so the web can say them in its reader's language; a rejected file's own problems are
/// <see cref="Core.Ingestion.ImportProblem"/>. A new one goes here, in docs/imports.md and in the web's locale files
/// (apiErrors.upload.*).
/// </summary>
public static class UploadProblem
{
    /// <summary>Params: name, allowed (list).</summary>
    public const string UnknownParameter = "UNKNOWN_PARAMETER";
    /// <summary>Params: name, count.</summary>
    public const string RepeatedParameter = "REPEATED_PARAMETER";
    /// <summary>Params: value.</summary>
    public const string UnknownMode = "UNKNOWN_MODE";
    /// <summary>Params: value.</summary>
    public const string UnknownFormat = "UNKNOWN_FORMAT";
    /// <summary>Params: value.</summary>
    public const string UnknownEncoding = "UNKNOWN_ENCODING";
    /// <summary>Params: contentType (empty when the request has none).</summary>
    public const string NotMultipart = "NOT_MULTIPART";
    /// <summary>Params: maxMegabytes.</summary>
    public const string FileTooLarge = "FILE_TOO_LARGE";
    public const string IncompleteUpload = "INCOMPLETE_UPLOAD";
    /// <summary>Params: found (the parts' names, a list).</summary>
    public const string NoFilePart = "NO_FILE_PART";
    /// <summary>Params: count.</summary>
    public const string MoreThanOneFile = "MORE_THAN_ONE_FILE";
    /// <summary>Params: value, allowed (list).</summary>
    public const string UnknownImportKind = "UNKNOWN_IMPORT_KIND";
}
