using System.Text;

namespace CxDashboard.GraphQL.Language;

/// <summary>
/// Turns source text into tokens on demand, skipping ignored tokens.
/// "A GraphQL document is comprised of several kinds of indivisible lexical tokens defined here in a lexical
/// grammar by patterns of source Unicode characters."
/// https://spec.graphql.org/October2021/#sec-Language.Source-Text
/// </summary>
/// <remarks>
/// Works on the string by index (no regex, no per-character allocation); a token's value is only materialised
/// for names, numbers and strings. Line and column are tracked incrementally so nodes get their locations for free.
/// </remarks>
public sealed class Lexer
{
    private readonly string _source;
    private int _line = 1;
    private int _lineStart;
    private bool _hasPeeked;
    private Token _peeked;
    private StringBuilder? _buffer;

    public Lexer(string source)
    {
        _source = source;
        Token = new Token(TokenKind.StartOfFile, 0, 0, 0, 0, null);
    }

    public string Source => _source;

    /// <summary>The current token (starts as &lt;SOF&gt;).</summary>
    public Token Token { get; private set; }

    /// <summary>The token before the current one (its end is where the node just parsed ends).</summary>
    public Token LastToken { get; private set; }

    /// <summary>Moves to the next non-ignored token and returns it.</summary>
    public Token Advance()
    {
        LastToken = Token;
        if (_hasPeeked) { _hasPeeked = false; Token = _peeked; }
        else if (Token.Kind != TokenKind.EndOfFile) Token = ReadToken(Token.End);
        return Token;
    }

    /// <summary>The token after the current one, without moving.</summary>
    public Token Lookahead()
    {
        if (Token.Kind == TokenKind.EndOfFile) return Token;
        if (!_hasPeeked) { _peeked = ReadToken(Token.End); _hasPeeked = true; }
        return _peeked;
    }

    /// <summary>All tokens of a source up to and including &lt;EOF&gt; (for tests and tools).</summary>
    public static IReadOnlyList<Token> Tokenize(string source)
    {
        var lexer = new Lexer(source);
        var tokens = new List<Token>();
        do tokens.Add(lexer.Advance()); while (lexer.Token.Kind != TokenKind.EndOfFile);
        return tokens;
    }

    private int CharAt(int position) => position < _source.Length ? _source[position] : -1;

    private Token Make(TokenKind kind, int start, int end, string? value) =>
        new(kind, start, end, _line, start - _lineStart + 1, value);

    /// <summary>
    /// "Before and after every lexical token may be any amount of ignored tokens" (white space, line
    /// terminators, comments, commas, the byte order mark). https://spec.graphql.org/October2021/#sec-Language.Source-Text.Ignored-Tokens
    /// </summary>
    private Token ReadToken(int position)
    {
        var s = _source;
        var length = s.Length;
        while (position < length)
        {
            var c = s[position];
            switch (c)
            {
                case '\uFEFF' or '\t' or ' ' or ',':
                    position++;
                    continue;
                case '\n':
                    position++;
                    _line++;
                    _lineStart = position;
                    continue;
                case '\r':
                    position += CharAt(position + 1) == '\n' ? 2 : 1;
                    _line++;
                    _lineStart = position;
                    continue;
                case '#':
                    position = SkipComment(position);
                    continue;
                case '!': return Make(TokenKind.Bang, position, position + 1, null);
                case '$': return Make(TokenKind.Dollar, position, position + 1, null);
                case '&': return Make(TokenKind.Amp, position, position + 1, null);
                case '(': return Make(TokenKind.ParenL, position, position + 1, null);
                case ')': return Make(TokenKind.ParenR, position, position + 1, null);
                case ':': return Make(TokenKind.Colon, position, position + 1, null);
                case '=': return Make(TokenKind.Equal, position, position + 1, null);
                case '@': return Make(TokenKind.At, position, position + 1, null);
                case '[': return Make(TokenKind.BracketL, position, position + 1, null);
                case ']': return Make(TokenKind.BracketR, position, position + 1, null);
                case '{': return Make(TokenKind.BraceL, position, position + 1, null);
                case '|': return Make(TokenKind.Pipe, position, position + 1, null);
                case '}': return Make(TokenKind.BraceR, position, position + 1, null);
                case '.':
                    if (CharAt(position + 1) == '.' && CharAt(position + 2) == '.')
                        return Make(TokenKind.Spread, position, position + 3, null);
                    break;
                case '"':
                    return CharAt(position + 1) == '"' && CharAt(position + 2) == '"'
                        ? ReadBlockString(position)
                        : ReadString(position);
            }
            if (IsDigit(c) || c == '-') return ReadNumber(position, c);
            if (IsNameStart(c)) return ReadName(position);
            throw SyntaxErrors.UnexpectedCharacter(s, position);
        }
        return Make(TokenKind.EndOfFile, length, length, null);
    }

    /// <summary>
    /// "Comments … behave like white space and may appear after any token, or before a LineTerminator."
    /// https://spec.graphql.org/October2021/#sec-Comments
    /// </summary>
    private int SkipComment(int position)
    {
        var s = _source;
        position++;
        while (position < s.Length)
        {
            var c = s[position];
            if (c is '\n' or '\r') break;
            if (!char.IsSurrogate(c)) position++;
            else if (IsSurrogatePair(position)) position += 2;
            else break; // a lone surrogate is not a SourceCharacter: the next read reports it
        }
        return position;
    }

    /// <summary>
    /// "Name :: NameStart NameContinue* [lookahead != NameContinue]".
    /// https://spec.graphql.org/October2021/#sec-Names
    /// </summary>
    private Token ReadName(int start)
    {
        var s = _source;
        var position = start + 1;
        while (position < s.Length && IsNameContinue(s[position])) position++;
        return Make(TokenKind.Name, start, position, NameTable.Get(s.AsSpan(start, position - start)));
    }

    /// <summary>
    /// "IntValue :: IntegerPart [lookahead != {Digit, ., NameStart}]" and "FloatValue :: … [lookahead != {Digit, ., NameStart}]";
    /// a leading zero may not be followed by a digit.
    /// https://spec.graphql.org/October2021/#sec-Int-Value
    /// </summary>
    private Token ReadNumber(int start, char first)
    {
        var s = _source;
        var position = start;
        int code = first;
        var isFloat = false;

        if (code == '-') code = CharAt(++position);
        if (code == '0')
        {
            code = CharAt(++position);
            if (IsDigit(code)) throw SyntaxErrors.UnexpectedDigitAfterZero(s, position);
        }
        else
        {
            position = ReadDigits(position, code);
            code = CharAt(position);
        }
        if (code == '.')
        {
            isFloat = true;
            code = CharAt(++position);
            position = ReadDigits(position, code);
            code = CharAt(position);
        }
        if (code is 'E' or 'e')
        {
            isFloat = true;
            code = CharAt(++position);
            if (code is '+' or '-') code = CharAt(++position);
            position = ReadDigits(position, code);
            code = CharAt(position);
        }
        if (code == '.' || IsNameStart(code)) throw SyntaxErrors.ExpectedDigit(s, position);
        return Make(isFloat ? TokenKind.Float : TokenKind.Int, start, position, s.Substring(start, position - start));
    }

    private int ReadDigits(int start, int first)
    {
        if (!IsDigit(first)) throw SyntaxErrors.ExpectedDigit(_source, start);
        var position = start + 1;
        while (IsDigit(CharAt(position))) position++;
        return position;
    }

    /// <summary>
    /// "StringValue :: " StringCharacter* "" with escapes \" \\ \/ \b \f \n \r \t, \uXXXX (surrogate pairs
    /// must pair up) and \u{…}. https://spec.graphql.org/October2021/#sec-String-Value
    /// </summary>
    private Token ReadString(int start)
    {
        var s = _source;
        var position = start + 1;
        var chunkStart = position;
        StringBuilder? value = null;
        while (position < s.Length)
        {
            var c = s[position];
            if (c == '"')
            {
                string text;
                if (value is null) text = s.Substring(chunkStart, position - chunkStart);
                else { value.Append(s, chunkStart, position - chunkStart); text = value.ToString(); }
                return Make(TokenKind.String, start, position + 1, text);
            }
            if (c == '\\')
            {
                value ??= RentBuffer();
                value.Append(s, chunkStart, position - chunkStart);
                position += CharAt(position + 1) == 'u'
                    ? CharAt(position + 2) == '{' ? ReadVariableWidthUnicode(position, value) : ReadFixedWidthUnicode(position, value)
                    : ReadEscapedCharacter(position, value);
                chunkStart = position;
                continue;
            }
            if (c is '\n' or '\r') break;
            if (!char.IsSurrogate(c)) position++;
            else if (IsSurrogatePair(position)) position += 2;
            else throw SyntaxErrors.InvalidCharacterInString(s, position);
        }
        throw SyntaxErrors.UnterminatedString(s, position);
    }

    private int ReadEscapedCharacter(int position, StringBuilder value)
    {
        char escaped;
        switch (CharAt(position + 1))
        {
            case '"': escaped = '"'; break;
            case '\\': escaped = '\\'; break;
            case '/': escaped = '/'; break;
            case 'b': escaped = '\b'; break;
            case 'f': escaped = '\f'; break;
            case 'n': escaped = '\n'; break;
            case 'r': escaped = '\r'; break;
            case 't': escaped = '\t'; break;
            default: throw SyntaxErrors.InvalidEscape(_source, position, 2);
        }
        value.Append(escaped);
        return 2;
    }

    /// <summary>\u{X…}: one to eight hex digits naming a Unicode scalar value.</summary>
    private int ReadVariableWidthUnicode(int position, StringBuilder value)
    {
        var point = 0;
        var size = 3;
        while (size < 12) // at most \u{00000000}
        {
            var code = CharAt(position + size++);
            if (code == '}')
            {
                if (size < 5 || !IsScalarValue(point)) break;
                AppendCodePoint(value, point);
                return size;
            }
            var digit = HexValue(code);
            if (digit < 0) break;
            point = (point << 4) | digit;
            if (point < 0) break;
        }
        throw SyntaxErrors.InvalidUnicodeEscape(_source, position, size);
    }

    /// <summary>\uXXXX: a scalar value, or a leading surrogate immediately followed by \uXXXX of a trailing one.</summary>
    private int ReadFixedWidthUnicode(int position, StringBuilder value)
    {
        var code = Read16BitHex(position + 2);
        if (code >= 0 && IsScalarValue(code))
        {
            value.Append((char)code);
            return 6;
        }
        if (code is >= 0xD800 and <= 0xDBFF && CharAt(position + 6) == '\\' && CharAt(position + 7) == 'u')
        {
            var trailing = Read16BitHex(position + 8);
            if (trailing is >= 0xDC00 and <= 0xDFFF)
            {
                value.Append((char)code).Append((char)trailing);
                return 12;
            }
        }
        throw SyntaxErrors.InvalidUnicodeEscape(_source, position, 6);
    }

    private int Read16BitHex(int position) =>
        (HexValue(CharAt(position)) << 12) | (HexValue(CharAt(position + 1)) << 8)
        | (HexValue(CharAt(position + 2)) << 4) | HexValue(CharAt(position + 3));

    /// <summary>
    /// "BlockString :: """ BlockStringCharacter* """": raw text (only \""" is an escape), value computed by
    /// BlockStringValue(). https://spec.graphql.org/October2021/#sec-String-Value
    /// </summary>
    private Token ReadBlockString(int start)
    {
        var s = _source;
        var line = _line;
        var lineStart = _lineStart;
        var position = start + 3;
        var chunkStart = position;
        var current = RentBuffer();
        var lines = new List<string>();
        while (position < s.Length)
        {
            var c = s[position];
            if (c == '"' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"')
            {
                current.Append(s, chunkStart, position - chunkStart);
                lines.Add(current.ToString());
                var token = Make(TokenKind.BlockString, start, position + 3, BlockString.Dedent(lines));
                _line = line;
                _lineStart = lineStart;
                return token;
            }
            if (c == '\\' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"' && CharAt(position + 3) == '"')
            {
                current.Append(s, chunkStart, position - chunkStart);
                chunkStart = position + 1; // drop the backslash, keep the three quotes
                position += 4;
                continue;
            }
            if (c is '\n' or '\r')
            {
                current.Append(s, chunkStart, position - chunkStart);
                lines.Add(current.ToString());
                current.Clear();
                position += c == '\r' && CharAt(position + 1) == '\n' ? 2 : 1;
                chunkStart = position;
                line++;
                lineStart = position;
                continue;
            }
            if (!char.IsSurrogate(c)) position++;
            else if (IsSurrogatePair(position)) position += 2;
            else throw SyntaxErrors.InvalidCharacterInString(s, position);
        }
        throw SyntaxErrors.UnterminatedString(s, position);
    }

    private StringBuilder RentBuffer()
    {
        _buffer ??= new StringBuilder(64);
        _buffer.Clear();
        return _buffer;
    }

    private bool IsSurrogatePair(int position) =>
        char.IsHighSurrogate(_source[position]) && position + 1 < _source.Length && char.IsLowSurrogate(_source[position + 1]);

    private static void AppendCodePoint(StringBuilder sb, int point)
    {
        if (point < 0x10000) { sb.Append((char)point); return; }
        point -= 0x10000;
        sb.Append((char)(0xD800 + (point >> 10))).Append((char)(0xDC00 + (point & 0x3FF)));
    }

    private static bool IsScalarValue(int code) => code is >= 0 and <= 0xD7FF or >= 0xE000 and <= 0x10FFFF;

    private static int HexValue(int c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };

    internal static bool IsDigit(int c) => c is >= '0' and <= '9';

    internal static bool IsNameStart(int c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_';

    internal static bool IsNameContinue(int c) => IsNameStart(c) || IsDigit(c);
}
