namespace CxDashboard.GraphQL.Language;

/// <summary>
/// The lexical tokens of GraphQL (punctuators, names, numbers, strings) plus the start and end markers.
/// https://spec.graphql.org/October2021/#sec-Language.Source-Text.Lexical-Tokens
/// </summary>
public enum TokenKind
{
    StartOfFile, EndOfFile,
    Bang, Dollar, Amp, ParenL, ParenR, Spread, Colon, Equal, At, BracketL, BracketR, BraceL, Pipe, BraceR,
    Name, Int, Float, String, BlockString,
}

/// <summary>
/// One token: its kind, where it is (character offsets and 1-based line/column) and, for names, numbers and
/// strings, its value (for strings the value after escapes / block-string dedent).
/// </summary>
public readonly record struct Token(TokenKind Kind, int Start, int End, int Line, int Column, string? Value)
{
    public SourceLocation Location => new(Line, Column);

    /// <summary>How graphql-js names a kind in messages: punctuators quoted, others by kind.</summary>
    public static string KindDescription(TokenKind kind) => kind switch
    {
        TokenKind.StartOfFile => "<SOF>",
        TokenKind.EndOfFile => "<EOF>",
        TokenKind.Bang => "\"!\"",
        TokenKind.Dollar => "\"$\"",
        TokenKind.Amp => "\"&\"",
        TokenKind.ParenL => "\"(\"",
        TokenKind.ParenR => "\")\"",
        TokenKind.Spread => "\"...\"",
        TokenKind.Colon => "\":\"",
        TokenKind.Equal => "\"=\"",
        TokenKind.At => "\"@\"",
        TokenKind.BracketL => "\"[\"",
        TokenKind.BracketR => "\"]\"",
        TokenKind.BraceL => "\"{\"",
        TokenKind.Pipe => "\"|\"",
        TokenKind.BraceR => "\"}\"",
        TokenKind.Name => "Name",
        TokenKind.Int => "Int",
        TokenKind.Float => "Float",
        TokenKind.String => "String",
        TokenKind.BlockString => "BlockString",
        _ => kind.ToString(),
    };

    /// <summary>The token as graphql-js describes it in messages, e.g. <c>Name "foo"</c> or <c>"}"</c>.</summary>
    public string Description => Value is null ? KindDescription(Kind) : $"{KindDescription(Kind)} \"{Value}\"";

    public override string ToString() => Description;
}
