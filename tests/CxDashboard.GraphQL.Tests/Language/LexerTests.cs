using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Tests.Language;

public class LexerTests
{
    private static Token Single(string source)
    {
        var tokens = Lexer.Tokenize(source);
        Assert.Equal(2, tokens.Count);
        Assert.Equal(TokenKind.EndOfFile, tokens[1].Kind);
        return tokens[0];
    }

    private static void AssertError(string source, string message, int line, int column)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Lexer.Tokenize(source)).Error;
        Assert.Equal("Syntax Error: " + message, error.Message);
        Assert.Equal([new SourceLocation(line, column)], error.Locations!);
    }

    [Fact]
    public void Every_punctuator_is_a_token_with_its_offsets()
    {
        var tokens = Lexer.Tokenize("! $ & ( ) ... : = @ [ ] { | }");
        TokenKind[] expected =
        [
            TokenKind.Bang, TokenKind.Dollar, TokenKind.Amp, TokenKind.ParenL, TokenKind.ParenR, TokenKind.Spread,
            TokenKind.Colon, TokenKind.Equal, TokenKind.At, TokenKind.BracketL, TokenKind.BracketR, TokenKind.BraceL,
            TokenKind.Pipe, TokenKind.BraceR, TokenKind.EndOfFile,
        ];
        Assert.Equal(expected, tokens.Select(t => t.Kind));
        var spread = tokens[5];
        Assert.Equal((10, 13, 1, 11), (spread.Start, spread.End, spread.Line, spread.Column));
        Assert.All(tokens, t => Assert.Null(t.Value));
    }

    [Fact]
    public void Ignored_tokens_bom_commas_whitespace_and_comments_are_skipped_but_lines_counted()
    {
        var tokens = Lexer.Tokenize("\uFEFF,,\t foo # a comment, with \"quotes\"\r\n  bar\r\rbaz\n#last line comment");
        Assert.Equal(["foo", "bar", "baz"], tokens.Where(t => t.Kind == TokenKind.Name).Select(t => t.Value!));
        Assert.Equal(new SourceLocation(1, 6), tokens[0].Location);
        Assert.Equal(new SourceLocation(2, 3), tokens[1].Location);
        Assert.Equal(new SourceLocation(4, 1), tokens[2].Location);
        Assert.Equal(new SourceLocation(5, 19), tokens[3].Location); // EOF after the trailing comment
    }

    [Theory]
    [InlineData("simple")]
    [InlineData("_under_score")]
    [InlineData("camelCase42")]
    [InlineData("__typename")]
    public void Names_are_letters_digits_and_underscores(string name)
    {
        var token = Single(name);
        Assert.Equal((TokenKind.Name, name), (token.Kind, token.Value));
    }

    [Fact]
    public void A_name_ends_at_the_first_non_name_character()
    {
        var tokens = Lexer.Tokenize("a(b:c9)");
        Assert.Equal(["a", "(", "b", ":", "c9", ")", "<EOF>"], tokens.Select(t => t.Value ?? t.Description.Trim('"')));
    }

    [Theory]
    [InlineData("4", TokenKind.Int)]
    [InlineData("-4", TokenKind.Int)]
    [InlineData("0", TokenKind.Int)]
    [InlineData("-0", TokenKind.Int)]
    [InlineData("9876543210123456789", TokenKind.Int)]
    [InlineData("4.123", TokenKind.Float)]
    [InlineData("-4.123", TokenKind.Float)]
    [InlineData("0.123", TokenKind.Float)]
    [InlineData("123e4", TokenKind.Float)]
    [InlineData("123E4", TokenKind.Float)]
    [InlineData("123e-4", TokenKind.Float)]
    [InlineData("123e+4", TokenKind.Float)]
    [InlineData("-1.123e4", TokenKind.Float)]
    [InlineData("-1.123E4567", TokenKind.Float)]
    public void Numbers_keep_their_text_and_kind(string text, TokenKind kind)
    {
        var token = Single(text);
        Assert.Equal((kind, text), (token.Kind, token.Value));
    }

    [Theory]
    [InlineData("00", "Invalid number, unexpected digit after 0: \"0\".", 2)]
    [InlineData("-01", "Invalid number, unexpected digit after 0: \"1\".", 3)]
    [InlineData("+1", "Unexpected character: \"+\".", 1)]
    [InlineData("1.", "Invalid number, expected digit but got: <EOF>.", 3)]
    [InlineData(".123", "Unexpected character: \".\".", 1)]
    [InlineData("1.A", "Invalid number, expected digit but got: \"A\".", 3)]
    [InlineData("-A", "Invalid number, expected digit but got: \"A\".", 2)]
    [InlineData("1.0e", "Invalid number, expected digit but got: <EOF>.", 5)]
    [InlineData("1.0eA", "Invalid number, expected digit but got: \"A\".", 5)]
    [InlineData("1.2e3e", "Invalid number, expected digit but got: \"e\".", 6)]
    [InlineData("1.2e3.4", "Invalid number, expected digit but got: \".\".", 6)]
    [InlineData("1.23.4", "Invalid number, expected digit but got: \".\".", 5)]
    [InlineData("0x", "Invalid number, expected digit but got: \"x\".", 2)]
    [InlineData("0xF1", "Invalid number, expected digit but got: \"x\".", 2)]
    [InlineData("0b10", "Invalid number, expected digit but got: \"b\".", 2)]
    [InlineData("123abc", "Invalid number, expected digit but got: \"a\".", 4)]
    [InlineData("1_000", "Invalid number, expected digit but got: \"_\".", 2)]
    [InlineData("1.2e", "Invalid number, expected digit but got: <EOF>.", 5)]
    [InlineData("1e+", "Invalid number, expected digit but got: <EOF>.", 4)]
    [InlineData("- 1", "Invalid number, expected digit but got: \" \".", 2)]
    public void Numbers_that_break_the_lookahead_rules_are_errors_at_the_offending_character(string source, string message, int column) =>
        AssertError(source, message, 1, column);

    [Theory]
    [InlineData("\"\"", "")]
    [InlineData("\"simple\"", "simple")]
    [InlineData("\" white space \"", " white space ")]
    [InlineData("\"quote \\\"\"", "quote \"")]
    [InlineData("\"escaped \\n\\r\\b\\t\\f\"", "escaped \n\r\b\t\f")]
    [InlineData("\"slashes \\\\ \\/\"", "slashes \\ /")]
    [InlineData("\"unicode \\u1234\\u5678\\u90AB\\uCDEF\"", "unicode \u1234\u5678\u90AB\uCDEF")]
    [InlineData("\"unicode \\u{1234}\\u{5678}\\u{90AB}\\u{CDEF}\"", "unicode \u1234\u5678\u90AB\uCDEF")]
    [InlineData("\"string with unicode escape outside BMP \\u{1F600}\"", "string with unicode escape outside BMP \U0001F600")]
    [InlineData("\"leading zeros \\u{00000041}\"", "leading zeros A")]
    [InlineData("\"smallest \\u{0}\"", "smallest \0")]
    [InlineData("\"surrogate pair \\uD83D\\uDE00\"", "surrogate pair \U0001F600")]
    [InlineData("\"lower case pair \\ud83d\\ude00\"", "lower case pair \U0001F600")]
    [InlineData("\"raw emoji \U0001F600 and control \u0007 char\"", "raw emoji \U0001F600 and control \u0007 char")]
    public void Strings_decode_every_escape(string source, string value)
    {
        var token = Single(source);
        Assert.Equal((TokenKind.String, value), (token.Kind, token.Value));
        Assert.Equal(source.Length, token.End);
    }

    [Theory]
    [InlineData("\"", "Unterminated string.", 1, 2)]
    [InlineData("\"no end quote", "Unterminated string.", 1, 14)]
    [InlineData("'single quotes'", "Unexpected single quote character ('), did you mean to use a double quote (\")?", 1, 1)]
    [InlineData("\"multi\nline\"", "Unterminated string.", 1, 7)]
    [InlineData("\"multi\rline\"", "Unterminated string.", 1, 7)]
    [InlineData("\"bad \\z esc\"", "Invalid character escape sequence: \"\\z\".", 1, 6)]
    [InlineData("\"bad \\x esc\"", "Invalid character escape sequence: \"\\x\".", 1, 6)]
    [InlineData("\"bad \\u1 esc\"", "Invalid Unicode escape sequence: \"\\u1 es\".", 1, 6)]
    [InlineData("\"bad \\u0XX1 esc\"", "Invalid Unicode escape sequence: \"\\u0XX1\".", 1, 6)]
    [InlineData("\"bad \\uXXXX esc\"", "Invalid Unicode escape sequence: \"\\uXXXX\".", 1, 6)]
    [InlineData("\"bad \\uFXXX esc\"", "Invalid Unicode escape sequence: \"\\uFXXX\".", 1, 6)]
    [InlineData("\"bad \\u{} esc\"", "Invalid Unicode escape sequence: \"\\u{}\".", 1, 6)]
    [InlineData("\"bad \\u{FXXX} esc\"", "Invalid Unicode escape sequence: \"\\u{FX\".", 1, 6)]
    [InlineData("\"bad \\u{110000} esc\"", "Invalid Unicode escape sequence: \"\\u{110000}\".", 1, 6)]
    [InlineData("\"too long \\u{000000000041}\"", "Invalid Unicode escape sequence: \"\\u{000000000\".", 1, 11)]
    [InlineData("\"unpaired \\uDEAD\"", "Invalid Unicode escape sequence: \"\\uDEAD\".", 1, 11)]
    [InlineData("\"leading only \\uD83D\"", "Invalid Unicode escape sequence: \"\\uD83D\".", 1, 15)]
    [InlineData("\"not a pair \\uD83D\\u0041\"", "Invalid Unicode escape sequence: \"\\uD83D\".", 1, 13)]
    [InlineData("\"escaped surrogate braces \\u{D83D}\"", "Invalid Unicode escape sequence: \"\\u{D83D}\".", 1, 27)]
    [InlineData("\n  \"x\\q\"", "Invalid character escape sequence: \"\\q\".", 2, 5)]
    public void Bad_strings_are_errors_with_their_position(string source, string message, int line, int column) =>
        AssertError(source, message, line, column);

    [Theory]
    [InlineData("\"\"\"\"\"\"", "")]
    [InlineData("\"\"\"simple\"\"\"", "simple")]
    [InlineData("\"\"\" white space \"\"\"", " white space ")]
    [InlineData("\"\"\"contains \" quote\"\"\"", "contains \" quote")]
    [InlineData("\"\"\"contains \\\"\"\" triple quote\"\"\"", "contains \"\"\" triple quote")]
    [InlineData("\"\"\"multi\nline\"\"\"", "multi\nline")]
    [InlineData("\"\"\"multi\rline\r\nnormalized\"\"\"", "multi\nline\nnormalized")]
    [InlineData("\"\"\"unescaped \\n\\r\\b\\t\\f\\u1234\"\"\"", "unescaped \\n\\r\\b\\t\\f\\u1234")]
    [InlineData("\"\"\"slashes \\\\ \\/\"\"\"", "slashes \\\\ \\/")]
    [InlineData("\"\"\"\n\n        spans\n          multiple\n            lines\n\n        \"\"\"", "spans\n  multiple\n    lines")]
    [InlineData("\"\"\"  first line keeps its indent\n    second\n      third\"\"\"", "  first line keeps its indent\nsecond\n  third")]
    [InlineData("\"\"\"\n   \n\t\n\"\"\"", "")]
    [InlineData("\"\"\"\n  a\n\n  b\n  \"\"\"", "a\n\nb")]
    [InlineData("\"\"\"\n    deeper\n  \n  shallow\"\"\"", "  deeper\n\nshallow")]
    public void Block_strings_use_the_BlockStringValue_algorithm(string source, string value)
    {
        var token = Single(source);
        Assert.Equal((TokenKind.BlockString, value), (token.Kind, token.Value));
    }

    [Fact]
    public void Lines_inside_a_block_string_count_for_the_tokens_after_it()
    {
        var tokens = Lexer.Tokenize("\"\"\"\none\r\ntwo\rthree\n\"\"\" after");
        Assert.Equal(new SourceLocation(1, 1), tokens[0].Location);
        Assert.Equal(new SourceLocation(5, 5), tokens[1].Location);
        Assert.Equal("after", tokens[1].Value);
    }

    [Theory]
    [InlineData("\"\"\"", "Unterminated string.", 1, 4)]
    [InlineData("\"\"\"no end\n\"\"", "Unterminated string.", 2, 3)]
    public void Bad_block_strings_are_errors(string source, string message, int line, int column) =>
        AssertError(source, message, line, column);

    [Theory]
    [InlineData("?", "Unexpected character: \"?\".", 1, 1)]
    [InlineData("  ~", "Unexpected character: \"~\".", 1, 3)]
    [InlineData("..", "Unexpected character: \".\".", 1, 1)]
    [InlineData("a .. b", "Unexpected character: \".\".", 1, 3)]
    [InlineData("\u0007", "Unexpected character: U+0007.", 1, 1)]
    [InlineData("\u00AA", "Unexpected character: U+00AA.", 1, 1)]
    [InlineData("\u200B", "Unexpected character: U+200B.", 1, 1)]
    [InlineData("\U0001F600", "Unexpected character: U+1F600.", 1, 1)]
    [InlineData("\n\n   ^", "Unexpected character: \"^\".", 3, 4)]
    [InlineData("\r\n\r\n^", "Unexpected character: \"^\".", 3, 1)]
    public void Characters_outside_the_grammar_are_errors(string source, string message, int line, int column) =>
        AssertError(source, message, line, column);

    // Lone surrogates are built in code: test-case serialization would mangle them inside attributes.
    [Fact]
    public void A_lone_surrogate_is_an_invalid_character_in_source_strings_block_strings_and_comments()
    {
        var high = ((char)0xD800).ToString();
        var low = ((char)0xDFFF).ToString();
        AssertError(high, "Invalid character: U+D800.", 1, 1);
        AssertError(low + "x", "Invalid character: U+DFFF.", 1, 1);
        AssertError("\"lone " + high + " surrogate\"", "Invalid character within String: U+D800.", 1, 7);
        AssertError("\"reversed " + low + high + "\"", "Invalid character within String: U+DFFF.", 1, 11);
        AssertError("\"\"\"contains lone " + low + " surrogate\"\"\"", "Invalid character within String: U+DFFF.", 1, 18);
        AssertError("# comment stops at a lone " + low, "Invalid character: U+DFFF.", 1, 27);
    }

    [Fact]
    public void A_comment_may_hold_any_source_character_including_pairs()
    {
        var tokens = Lexer.Tokenize("# \U0001F600 \u0007 ok\nx");
        Assert.Equal(("x", 2, 1), (tokens[0].Value, tokens[0].Line, tokens[0].Column));
    }

    [Fact]
    public void Lookahead_does_not_consume()
    {
        var lexer = new Lexer("a \"\"\"\nb\n\"\"\" c");
        Assert.Equal("a", lexer.Advance().Value);
        Assert.Equal("b", lexer.Lookahead().Value);
        Assert.Equal("a", lexer.Token.Value);
        Assert.Equal(TokenKind.BlockString, lexer.Advance().Kind);
        var c = lexer.Advance();
        Assert.Equal(("c", 3, 5), (c.Value, c.Line, c.Column));
        Assert.Equal(TokenKind.EndOfFile, lexer.Advance().Kind);
        Assert.Equal(TokenKind.EndOfFile, lexer.Advance().Kind);
    }
}
