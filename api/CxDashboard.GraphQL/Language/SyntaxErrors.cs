namespace CxDashboard.GraphQL.Language;

/// <summary>
/// Every syntax error of the lexer and parser, worded like graphql-js 16 so clients and conformance suites see
/// the messages they expect. "the parser … must produce an error that indicates the line and column".
/// https://spec.graphql.org/October2021/#sec-Language
/// </summary>
public static class SyntaxErrors
{
    public const string Prefix = "Syntax Error: ";

    /// <summary>A syntax error at a character offset; line and column are computed from the source.</summary>
    public static GraphQLSyntaxException At(string source, int position, string description) =>
        new(new GraphQLError(Prefix + description, [LocationOf(source, position)]));

    /// <summary>1-based line and column of a character offset (\r\n, \n and \r end lines, as in the spec).</summary>
    public static SourceLocation LocationOf(string source, int position)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < source.Length && i < position; i++)
        {
            var c = source[i];
            if (c == '\n') { line++; lineStart = i + 1; }
            else if (c == '\r')
            {
                if (i + 1 < source.Length && source[i + 1] == '\n') i++;
                line++;
                lineStart = i + 1;
            }
        }
        return new SourceLocation(line, position - lineStart + 1);
    }

    // ---- lexer ----

    internal static GraphQLSyntaxException UnexpectedCharacter(string source, int position) =>
        At(source, position, source[position] == '\''
            ? "Unexpected single quote character ('), did you mean to use a double quote (\")?"
            : IsScalarOrPair(source, position)
                ? $"Unexpected character: {PrintCodePointAt(source, position)}."
                : $"Invalid character: {PrintCodePointAt(source, position)}.");

    internal static GraphQLSyntaxException UnexpectedDigitAfterZero(string source, int position) =>
        At(source, position, $"Invalid number, unexpected digit after 0: {PrintCodePointAt(source, position)}.");

    internal static GraphQLSyntaxException ExpectedDigit(string source, int position) =>
        At(source, position, $"Invalid number, expected digit but got: {PrintCodePointAt(source, position)}.");

    internal static GraphQLSyntaxException UnterminatedString(string source, int position) =>
        At(source, position, "Unterminated string.");

    internal static GraphQLSyntaxException InvalidCharacterInString(string source, int position) =>
        At(source, position, $"Invalid character within String: {PrintCodePointAt(source, position)}.");

    internal static GraphQLSyntaxException InvalidEscape(string source, int position, int length) =>
        At(source, position, $"Invalid character escape sequence: \"{Slice(source, position, length)}\".");

    internal static GraphQLSyntaxException InvalidUnicodeEscape(string source, int position, int length) =>
        At(source, position, $"Invalid Unicode escape sequence: \"{Slice(source, position, length)}\".");

    // ---- parser ----

    internal static GraphQLSyntaxException Expected(string source, TokenKind kind, Token found) =>
        At(source, found.Start, $"Expected {Token.KindDescription(kind)}, found {found.Description}.");

    internal static GraphQLSyntaxException ExpectedKeyword(string source, string keyword, Token found) =>
        At(source, found.Start, $"Expected \"{keyword}\", found {found.Description}.");

    internal static GraphQLSyntaxException Unexpected(string source, Token found) =>
        At(source, found.Start, $"Unexpected {found.Description}.");

    internal static GraphQLSyntaxException VariableInConstantValue(string source, Token dollar, string name) =>
        At(source, dollar.Start, $"Unexpected variable \"${name}\" in constant value.");

    internal static GraphQLSyntaxException DescriptionNotAllowed(string source, Token description) =>
        At(source, description.Start, "Unexpected description, descriptions are supported only on type definitions.");

    internal static GraphQLSyntaxException ReservedEnumValue(string source, Token name) =>
        At(source, name.Start, $"{name.Description} is reserved and cannot be used for an enum value.");

    internal static GraphQLSyntaxException TooManyTokens(string source, Token token, int maxTokens) =>
        At(source, token.Start, $"Document contains more than {maxTokens} tokens. Parsing aborted.");

    internal static GraphQLSyntaxException TooDeep(string source, Token open, int maxDepth) =>
        At(source, open.Start, $"Document nests more than {maxDepth} levels (selection sets, lists, input objects, list types). Parsing aborted.");

    // ---- helpers ----

    /// <summary>graphql-js printCodePointAt: printable ASCII quoted, anything else as U+XXXX, the end as &lt;EOF&gt;.</summary>
    internal static string PrintCodePointAt(string source, int position)
    {
        if (position >= source.Length) return "<EOF>";
        int code = source[position];
        if (char.IsHighSurrogate(source, position) && position + 1 < source.Length && char.IsLowSurrogate(source[position + 1]))
            code = char.ConvertToUtf32(source[position], source[position + 1]);
        if (code is >= 0x20 and <= 0x7E) return code == '"' ? "'\"'" : $"\"{(char)code}\"";
        return "U+" + code.ToString("X4");
    }

    private static bool IsScalarOrPair(string s, int p) =>
        !char.IsSurrogate(s[p]) || (char.IsHighSurrogate(s[p]) && p + 1 < s.Length && char.IsLowSurrogate(s[p + 1]));

    private static string Slice(string s, int start, int length) => s.Substring(start, Math.Min(length, s.Length - start));
}
