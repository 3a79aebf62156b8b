namespace CxDashboard.Core.Ingestion;

/// <summary>
/// The stable codes of an import problem (<see cref="ImportError.Code"/>, next to its English reason), so a client can
/// say it in its reader's language from the code and <see cref="ImportError.Params"/>. One place: a new check adds its
/// code here, to docs/import.md and to the web's locale files (errors.import.*).
/// </summary>
public static class ImportProblem
{
    /// <summary>A required value is empty.</summary>
    public const string Required = "REQUIRED";
    /// <summary>Params: max (characters).</summary>
    public const string TooLong = "TOO_LONG";
    public const string NulCharacter = "NUL_CHARACTER";
    /// <summary>Params: value, allowed (list).</summary>
    public const string NotOneOf = "NOT_ONE_OF";
    /// <summary>Params: value.</summary>
    public const string NotTimestamp = "NOT_TIMESTAMP";
    /// <summary>Params: value.</summary>
    public const string NotDate = "NOT_DATE";
    /// <summary>Shaped like a date or time that does not exist (2026-02-30, 25:00). Params: value.</summary>
    public const string NoSuchDate = "NO_SUCH_DATE";
    /// <summary>Params: value, from, to (the plausible window).</summary>
    public const string OutsideDateWindow = "OUTSIDE_DATE_WINDOW";
    /// <summary>Params: value.</summary>
    public const string NotWholeNumber = "NOT_WHOLE_NUMBER";
    /// <summary>Params: value, min, max.</summary>
    public const string OutOfRange = "OUT_OF_RANGE";
    /// <summary>Params: value.</summary>
    public const string NotBoolean = "NOT_BOOLEAN";
    /// <summary>A time or date before another field of the row. Params: other.</summary>
    public const string BeforeOther = "BEFORE_OTHER";
    /// <summary>A response with no score.</summary>
    public const string NoScore = "NO_SCORE";
    /// <summary>Params: unit.</summary>
    public const string UnknownUnit = "UNKNOWN_UNIT";
    /// <summary>Params: unit, parent (or null).</summary>
    public const string OutsideScope = "OUTSIDE_SCOPE";
    /// <summary>Params: value, line (the other occurrence), kept (that one is kept, quarantine).</summary>
    public const string Duplicate = "DUPLICATE";
    /// <summary>The first of duplicates, named once. Params: value, line (the repeat).</summary>
    public const string DuplicateAgain = "DUPLICATE_AGAIN";
    public const string PartnerCodeRequired = "PARTNER_CODE_REQUIRED";
    /// <summary>Params: kind.</summary>
    public const string PartnerCodeNotAllowed = "PARTNER_CODE_NOT_ALLOWED";
    public const string OwnParent = "OWN_PARENT";
    public const string RootHasParent = "ROOT_HAS_PARENT";
    /// <summary>Params: root.</summary>
    public const string SecondRoot = "SECOND_ROOT";
    /// <summary>Params: kind, root (or null).</summary>
    public const string ParentRequired = "PARENT_REQUIRED";
    /// <summary>Params: cycle (list of codes).</summary>
    public const string ParentCycle = "PARENT_CYCLE";
    /// <summary>Params: parent, line.</summary>
    public const string ParentRejected = "PARENT_REJECTED";
    /// <summary>Params: parent.</summary>
    public const string UnknownParent = "UNKNOWN_PARENT";
    /// <summary>Params: known (list).</summary>
    public const string UnknownField = "UNKNOWN_FIELD";
    /// <summary>Params: known (list).</summary>
    public const string UnknownColumn = "UNKNOWN_COLUMN";
    /// <summary>Params: column.</summary>
    public const string MissingColumn = "MISSING_COLUMN";
    public const string ColumnTwice = "COLUMN_TWICE";
    public const string PropertyTwice = "PROPERTY_TWICE";
    public const string EmptyFile = "EMPTY_FILE";
    public const string NoDataRows = "NO_DATA_ROWS";
    /// <summary>Params: expected, found.</summary>
    public const string FieldCount = "FIELD_COUNT";
    /// <summary>Params: byte (hex).</summary>
    public const string InvalidUtf8 = "INVALID_UTF8";
    /// <summary>Params: max (bytes).</summary>
    public const string LineTooLong = "LINE_TOO_LONG";
    public const string NotJsonObject = "NOT_JSON_OBJECT";
    /// <summary>A property whose value is an object or array.</summary>
    public const string NotScalar = "NOT_SCALAR";
    public const string ContentAfterObject = "CONTENT_AFTER_OBJECT";
    /// <summary>Params: detail (the parser's English words).</summary>
    public const string MalformedJson = "MALFORMED_JSON";
    /// <summary>Params: kind (stray_quote, text_after_quote, unterminated_quote, line_break_in_quotes, trailing_escape, other).</summary>
    public const string MalformedCsv = "MALFORMED_CSV";
    public const string HeaderUnreadable = "HEADER_UNREADABLE";
    /// <summary>A quote never closed: the rest of the file cannot be read. Params: lines, max (when over the line limit).</summary>
    public const string UnclosedQuote = "UNCLOSED_QUOTE";
    public const string RecordTooLong = "RECORD_TOO_LONG";
    /// <summary>Params: months, table, first, last, max.</summary>
    public const string TooManyNewPartitions = "TOO_MANY_NEW_PARTITIONS";
}
