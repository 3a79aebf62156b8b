namespace CxDashboard.GraphQL.Language;

/// <summary>Parser settings.</summary>
public sealed class ParserOptions
{
    /// <summary>
    /// The most tokens a document may have (a guard against huge documents eating CPU before validation runs);
    /// null means no limit. Exceeding it fails with "Document contains more than N tokens. Parsing aborted.".
    /// </summary>
    public int? MaxTokens { get; init; }

    /// <summary>
    /// How deeply a document may nest selection sets, list and object values and list types, counted together
    /// along any path (<c>{ a(x: [[1]]) }</c> nests 3 deep). The parser, the validator and the executor recurse
    /// once per level, so this bounds their stack use; null means no limit. Exceeding it fails with
    /// "Document nests more than N levels. Parsing aborted.".
    /// </summary>
    public int? MaxDepth { get; init; } = DefaultMaxDepth;

    /// <summary>The default <see cref="MaxDepth"/>: far beyond real documents (an introspection query nests 13 deep).</summary>
    public const int DefaultMaxDepth = 128;
}

/// <summary>
/// Recursive-descent parser for GraphQL documents: the executable grammar and the type-system (SDL) grammar.
/// "A GraphQL Document describes a complete file or request string operated on by a GraphQL service or client."
/// https://spec.graphql.org/October2021/#sec-Document
/// </summary>
public sealed class Parser
{
    private static readonly HashSet<string> DirectiveLocations =
    [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
    ];

    private readonly Lexer _lexer;
    private readonly string _source;
    private readonly int? _maxTokens;
    private readonly int _maxDepth;
    private int _tokenCount;
    private int _depth;

    private Parser(string source, ParserOptions? options)
    {
        _source = source;
        _lexer = new Lexer(source);
        _maxTokens = options?.MaxTokens;
        _maxDepth = (options is null ? ParserOptions.DefaultMaxDepth : options.MaxDepth) ?? int.MaxValue;
    }

    /// <summary>Parses a whole document; throws <see cref="GraphQLSyntaxException"/> on the first syntax error.</summary>
    public static DocumentNode Parse(string source, ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new Parser(source, options).ParseDocument();
    }

    /// <summary>Parses a single value literal (variables allowed), e.g. <c>[1, {a: $b}]</c>.</summary>
    public static ValueNode ParseValue(string source, ParserOptions? options = null)
    {
        var parser = new Parser(source, options);
        parser.Expect(TokenKind.StartOfFile);
        var value = parser.ParseValueLiteral(isConst: false);
        parser.Expect(TokenKind.EndOfFile);
        return value;
    }

    /// <summary>Parses a single constant value literal (variables rejected).</summary>
    public static ValueNode ParseConstValue(string source, ParserOptions? options = null)
    {
        var parser = new Parser(source, options);
        parser.Expect(TokenKind.StartOfFile);
        var value = parser.ParseValueLiteral(isConst: true);
        parser.Expect(TokenKind.EndOfFile);
        return value;
    }

    /// <summary>Parses a type reference, e.g. <c>[String!]!</c>.</summary>
    public static TypeNode ParseType(string source, ParserOptions? options = null)
    {
        var parser = new Parser(source, options);
        parser.Expect(TokenKind.StartOfFile);
        var type = parser.ParseTypeReference();
        parser.Expect(TokenKind.EndOfFile);
        return type;
    }

    // ---- document (§2.2) ----

    /// <summary>"Document : Definition+" https://spec.graphql.org/October2021/#Document</summary>
    private DocumentNode ParseDocument()
    {
        var start = _lexer.Token;
        Expect(TokenKind.StartOfFile);
        var definitions = new List<DefinitionNode>();
        do definitions.Add(ParseDefinition());
        while (!ExpectOptional(TokenKind.EndOfFile));
        return new DocumentNode
        {
            Definitions = definitions, Source = _source,
            Location = new SourceLocation(1, 1), Start = start.Start, End = _lexer.LastToken.End,
        };
    }

    private DefinitionNode ParseDefinition()
    {
        if (Peek(TokenKind.BraceL)) return ParseOperationDefinition();

        var hasDescription = PeekDescription();
        var keyword = hasDescription ? _lexer.Lookahead() : _lexer.Token;
        if (keyword.Kind == TokenKind.Name)
        {
            switch (keyword.Value)
            {
                case "schema": return ParseSchemaDefinition();
                case "scalar": return ParseScalarTypeDefinition();
                case "type": return ParseObjectTypeDefinition();
                case "interface": return ParseInterfaceTypeDefinition();
                case "union": return ParseUnionTypeDefinition();
                case "enum": return ParseEnumTypeDefinition();
                case "input": return ParseInputObjectTypeDefinition();
                case "directive": return ParseDirectiveDefinition();
            }
            if (hasDescription) throw SyntaxErrors.DescriptionNotAllowed(_source, _lexer.Token);
            switch (keyword.Value)
            {
                case "query" or "mutation" or "subscription": return ParseOperationDefinition();
                case "fragment": return ParseFragmentDefinition();
                case "extend": return ParseTypeSystemExtension();
            }
        }
        throw SyntaxErrors.Unexpected(_source, keyword);
    }

    // ---- operations (§2.3) ----

    /// <summary>
    /// "OperationDefinition : OperationType Name? VariableDefinitions? Directives? SelectionSet | SelectionSet";
    /// the shorthand is a query. https://spec.graphql.org/October2021/#sec-Language.Operations
    /// </summary>
    private OperationDefinitionNode ParseOperationDefinition()
    {
        var start = _lexer.Token;
        if (Peek(TokenKind.BraceL))
        {
            var selectionSet = ParseSelectionSet();
            return new OperationDefinitionNode
            {
                Operation = OperationType.Query, VariableDefinitions = [], Directives = [], SelectionSet = selectionSet,
                Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
            };
        }
        var operation = ParseOperationType();
        var name = Peek(TokenKind.Name) ? ParseName() : null;
        var variables = ParseVariableDefinitions();
        var directives = ParseDirectives(isConst: false);
        var selections = ParseSelectionSet();
        return new OperationDefinitionNode
        {
            Operation = operation, Name = name, VariableDefinitions = variables, Directives = directives,
            SelectionSet = selections,
            Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
        };
    }

    private OperationType ParseOperationType()
    {
        var token = Expect(TokenKind.Name);
        return token.Value switch
        {
            "query" => OperationType.Query,
            "mutation" => OperationType.Mutation,
            "subscription" => OperationType.Subscription,
            _ => throw SyntaxErrors.Unexpected(_source, token),
        };
    }

    /// <summary>"VariableDefinitions : ( VariableDefinition+ )" https://spec.graphql.org/October2021/#sec-Language.Variables</summary>
    private IReadOnlyList<VariableDefinitionNode> ParseVariableDefinitions()
    {
        if (!ExpectOptional(TokenKind.ParenL)) return [];
        var list = new List<VariableDefinitionNode>();
        do list.Add(ParseVariableDefinition());
        while (!ExpectOptional(TokenKind.ParenR));
        return list;
    }

    /// <summary>"VariableDefinition : Variable : Type DefaultValue? Directives[Const]?"</summary>
    private VariableDefinitionNode ParseVariableDefinition()
    {
        var start = _lexer.Token;
        var variable = ParseVariable();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptional(TokenKind.Equal) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return new VariableDefinitionNode
        {
            Variable = variable, Type = type, DefaultValue = defaultValue, Directives = directives,
            Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
        };
    }

    private VariableNode ParseVariable()
    {
        var start = _lexer.Token;
        Expect(TokenKind.Dollar);
        var name = ParseName();
        return new VariableNode { Name = name, Location = start.Location, Start = start.Start, End = _lexer.LastToken.End };
    }

    // ---- selections (§2.4 – §2.8) ----

    /// <summary>"SelectionSet : { Selection+ }" https://spec.graphql.org/October2021/#sec-Selection-Sets</summary>
    private SelectionSetNode ParseSelectionSet()
    {
        var start = _lexer.Token;
        Expect(TokenKind.BraceL);
        Nest(start);
        var selections = new List<SelectionNode>();
        do selections.Add(Peek(TokenKind.Spread) ? ParseFragment() : ParseField());
        while (!ExpectOptional(TokenKind.BraceR));
        _depth--;
        return new SelectionSetNode
        {
            Selections = selections, Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
        };
    }

    /// <summary>"Field : Alias? Name Arguments? Directives? SelectionSet?" https://spec.graphql.org/October2021/#sec-Language.Fields</summary>
    private FieldNode ParseField()
    {
        var start = _lexer.Token;
        var nameOrAlias = ParseName();
        NameNode? alias = null;
        NameNode name;
        if (ExpectOptional(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }
        else name = nameOrAlias;
        var arguments = ParseArguments(isConst: false);
        var directives = ParseDirectives(isConst: false);
        var selectionSet = Peek(TokenKind.BraceL) ? ParseSelectionSet() : null;
        return new FieldNode
        {
            Alias = alias, Name = name, Arguments = arguments, Directives = directives, SelectionSet = selectionSet,
            Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
        };
    }

    /// <summary>"Arguments[Const] : ( Argument[?Const]+ )" https://spec.graphql.org/October2021/#sec-Language.Arguments</summary>
    private IReadOnlyList<ArgumentNode> ParseArguments(bool isConst)
    {
        if (!ExpectOptional(TokenKind.ParenL)) return [];
        var list = new List<ArgumentNode>();
        do
        {
            var start = _lexer.Token;
            var name = ParseName();
            Expect(TokenKind.Colon);
            var value = ParseValueLiteral(isConst);
            list.Add(new ArgumentNode
            {
                Name = name, Value = value, Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
            });
        }
        while (!ExpectOptional(TokenKind.ParenR));
        return list;
    }

    /// <summary>
    /// "FragmentSpread : ... FragmentName Directives?" and "InlineFragment : ... TypeCondition? Directives? SelectionSet".
    /// https://spec.graphql.org/October2021/#sec-Language.Fragments
    /// </summary>
    private SelectionNode ParseFragment()
    {
        var start = _lexer.Token;
        Expect(TokenKind.Spread);
        var hasTypeCondition = ExpectOptionalKeyword("on");
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            var name = ParseFragmentName();
            var spreadDirectives = ParseDirectives(isConst: false);
            return new FragmentSpreadNode
            {
                Name = name, Directives = spreadDirectives,
                Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
            };
        }
        var typeCondition = hasTypeCondition ? ParseNamedType() : null;
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new InlineFragmentNode
        {
            TypeCondition = typeCondition, Directives = directives, SelectionSet = selectionSet,
            Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
        };
    }

    /// <summary>"FragmentDefinition : fragment FragmentName TypeCondition Directives? SelectionSet"</summary>
    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var start = _lexer.Token;
        ExpectKeyword("fragment");
        var name = ParseFragmentName();
        ExpectKeyword("on");
        var typeCondition = ParseNamedType();
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new FragmentDefinitionNode
        {
            Name = name, TypeCondition = typeCondition, Directives = directives, SelectionSet = selectionSet,
            Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
        };
    }

    /// <summary>"FragmentName : Name but not on"</summary>
    private NameNode ParseFragmentName()
    {
        if (_lexer.Token is { Kind: TokenKind.Name, Value: "on" }) throw SyntaxErrors.Unexpected(_source, _lexer.Token);
        return ParseName();
    }

    // ---- values (§2.9) ----

    /// <summary>
    /// "Value[Const] : [~Const] Variable | IntValue | FloatValue | StringValue | BooleanValue | NullValue | EnumValue | ListValue[?Const] | ObjectValue[?Const]"
    /// https://spec.graphql.org/October2021/#sec-Input-Values
    /// </summary>
    private ValueNode ParseValueLiteral(bool isConst)
    {
        var token = _lexer.Token;
        switch (token.Kind)
        {
            case TokenKind.BracketL:
            {
                Advance();
                Nest(token);
                var values = new List<ValueNode>();
                while (!ExpectOptional(TokenKind.BracketR)) values.Add(ParseValueLiteral(isConst));
                _depth--;
                return new ListValueNode { Values = values, Location = token.Location, Start = token.Start, End = _lexer.LastToken.End };
            }
            case TokenKind.BraceL:
            {
                Advance();
                Nest(token);
                var fields = new List<ObjectFieldNode>();
                while (!ExpectOptional(TokenKind.BraceR))
                {
                    var fieldStart = _lexer.Token;
                    var name = ParseName();
                    Expect(TokenKind.Colon);
                    var value = ParseValueLiteral(isConst);
                    fields.Add(new ObjectFieldNode
                    {
                        Name = name, Value = value,
                        Location = fieldStart.Location, Start = fieldStart.Start, End = _lexer.LastToken.End,
                    });
                }
                _depth--;
                return new ObjectValueNode { Fields = fields, Location = token.Location, Start = token.Start, End = _lexer.LastToken.End };
            }
            case TokenKind.Int:
                Advance();
                return new IntValueNode { Value = token.Value!, Location = token.Location, Start = token.Start, End = token.End };
            case TokenKind.Float:
                Advance();
                return new FloatValueNode { Value = token.Value!, Location = token.Location, Start = token.Start, End = token.End };
            case TokenKind.String or TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                Advance();
                return token.Value switch
                {
                    "true" => new BooleanValueNode { Value = true, Location = token.Location, Start = token.Start, End = token.End },
                    "false" => new BooleanValueNode { Value = false, Location = token.Location, Start = token.Start, End = token.End },
                    "null" => new NullValueNode { Location = token.Location, Start = token.Start, End = token.End },
                    _ => new EnumValueNode { Value = token.Value!, Location = token.Location, Start = token.Start, End = token.End },
                };
            case TokenKind.Dollar:
                if (!isConst) return ParseVariable();
                Advance();
                if (_lexer.Token.Kind == TokenKind.Name) throw SyntaxErrors.VariableInConstantValue(_source, token, _lexer.Token.Value!);
                throw SyntaxErrors.Unexpected(_source, token);
            default:
                throw SyntaxErrors.Unexpected(_source, token);
        }
    }

    private StringValueNode ParseStringLiteral()
    {
        var token = _lexer.Token;
        Advance();
        return new StringValueNode
        {
            Value = token.Value!, Block = token.Kind == TokenKind.BlockString,
            Location = token.Location, Start = token.Start, End = token.End,
        };
    }

    // ---- directives (§2.12) ----

    /// <summary>"Directives[Const] : Directive[?Const]+" https://spec.graphql.org/October2021/#sec-Language.Directives</summary>
    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At)) return [];
        var list = new List<DirectiveNode>();
        while (Peek(TokenKind.At))
        {
            var start = _lexer.Token;
            Advance();
            var name = ParseName();
            var arguments = ParseArguments(isConst);
            list.Add(new DirectiveNode
            {
                Name = name, Arguments = arguments, Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
            });
        }
        return list;
    }

    // ---- type references (§2.11) ----

    /// <summary>"Type : NamedType | ListType | NonNullType" https://spec.graphql.org/October2021/#sec-Type-References</summary>
    private TypeNode ParseTypeReference()
    {
        var start = _lexer.Token;
        TypeNode type;
        if (ExpectOptional(TokenKind.BracketL))
        {
            Nest(start);
            var inner = ParseTypeReference();
            Expect(TokenKind.BracketR);
            _depth--;
            type = new ListTypeNode { Type = inner, Location = start.Location, Start = start.Start, End = _lexer.LastToken.End };
        }
        else type = ParseNamedType();

        if (ExpectOptional(TokenKind.Bang))
            return new NonNullTypeNode { Type = type, Location = start.Location, Start = start.Start, End = _lexer.LastToken.End };
        return type;
    }

    private NamedTypeNode ParseNamedType()
    {
        var start = _lexer.Token;
        var name = ParseName();
        return new NamedTypeNode { Name = name, Location = start.Location, Start = start.Start, End = name.End };
    }

    private NameNode ParseName()
    {
        var token = Expect(TokenKind.Name);
        return new NameNode { Value = token.Value!, Location = token.Location, Start = token.Start, End = token.End };
    }

    // ---- type system (§3) ----

    private bool PeekDescription() => Peek(TokenKind.String) || Peek(TokenKind.BlockString);

    /// <summary>"Description : StringValue" https://spec.graphql.org/October2021/#sec-Descriptions</summary>
    private StringValueNode? ParseDescription() => PeekDescription() ? ParseStringLiteral() : null;

    /// <summary>"SchemaDefinition : Description? schema Directives[Const]? { RootOperationTypeDefinition+ }"</summary>
    private SchemaDefinitionNode ParseSchemaDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        Expect(TokenKind.BraceL);
        var operationTypes = new List<OperationTypeDefinitionNode>();
        do operationTypes.Add(ParseOperationTypeDefinition());
        while (!ExpectOptional(TokenKind.BraceR));
        return new SchemaDefinitionNode
        {
            Description = description, Directives = directives, OperationTypes = operationTypes,
            Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
        };
    }

    private OperationTypeDefinitionNode ParseOperationTypeDefinition()
    {
        var start = _lexer.Token;
        var operation = ParseOperationType();
        Expect(TokenKind.Colon);
        var type = ParseNamedType();
        return new OperationTypeDefinitionNode
        {
            Operation = operation, Type = type, Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
        };
    }

    /// <summary>"ScalarTypeDefinition : Description? scalar Name Directives[Const]?"</summary>
    private ScalarTypeDefinitionNode ParseScalarTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return new ScalarTypeDefinitionNode
        {
            Description = description, Name = name, Directives = directives,
            Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
        };
    }

    /// <summary>"ObjectTypeDefinition : Description? type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?"</summary>
    private ObjectTypeDefinitionNode ParseObjectTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return new ObjectTypeDefinitionNode
        {
            Description = description, Name = name, Interfaces = interfaces, Directives = directives, Fields = fields,
            Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
        };
    }

    /// <summary>"ImplementsInterfaces : ImplementsInterfaces &amp; NamedType | implements &amp;? NamedType"</summary>
    private IReadOnlyList<NamedTypeNode> ParseImplementsInterfaces() =>
        ExpectOptionalKeyword("implements") ? DelimitedNamedTypes(TokenKind.Amp) : [];

    private List<NamedTypeNode> DelimitedNamedTypes(TokenKind delimiter)
    {
        ExpectOptional(delimiter);
        var list = new List<NamedTypeNode>();
        do list.Add(ParseNamedType());
        while (ExpectOptional(delimiter));
        return list;
    }

    /// <summary>"FieldsDefinition : { FieldDefinition+ }"</summary>
    private IReadOnlyList<FieldDefinitionNode> ParseFieldsDefinition()
    {
        if (!ExpectOptional(TokenKind.BraceL)) return [];
        var list = new List<FieldDefinitionNode>();
        do list.Add(ParseFieldDefinition());
        while (!ExpectOptional(TokenKind.BraceR));
        return list;
    }

    /// <summary>"FieldDefinition : Description? Name ArgumentsDefinition? : Type Directives[Const]?"</summary>
    private FieldDefinitionNode ParseFieldDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var directives = ParseDirectives(isConst: true);
        return new FieldDefinitionNode
        {
            Description = description, Name = name, Arguments = arguments, Type = type, Directives = directives,
            Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
        };
    }

    /// <summary>"ArgumentsDefinition : ( InputValueDefinition+ )"</summary>
    private IReadOnlyList<InputValueDefinitionNode> ParseArgumentDefinitions() =>
        ParseInputValueDefinitions(TokenKind.ParenL, TokenKind.ParenR);

    private IReadOnlyList<InputValueDefinitionNode> ParseInputValueDefinitions(TokenKind open, TokenKind close)
    {
        if (!ExpectOptional(open)) return [];
        var list = new List<InputValueDefinitionNode>();
        do list.Add(ParseInputValueDefinition());
        while (!ExpectOptional(close));
        return list;
    }

    /// <summary>"InputValueDefinition : Description? Name : Type DefaultValue? Directives[Const]?"</summary>
    private InputValueDefinitionNode ParseInputValueDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        var name = ParseName();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptional(TokenKind.Equal) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return new InputValueDefinitionNode
        {
            Description = description, Name = name, Type = type, DefaultValue = defaultValue, Directives = directives,
            Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
        };
    }

    /// <summary>"InterfaceTypeDefinition : Description? interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?"</summary>
    private InterfaceTypeDefinitionNode ParseInterfaceTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return new InterfaceTypeDefinitionNode
        {
            Description = description, Name = name, Interfaces = interfaces, Directives = directives, Fields = fields,
            Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
        };
    }

    /// <summary>"UnionTypeDefinition : Description? union Name Directives[Const]? UnionMemberTypes?"</summary>
    private UnionTypeDefinitionNode ParseUnionTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        return new UnionTypeDefinitionNode
        {
            Description = description, Name = name, Directives = directives, Types = types,
            Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
        };
    }

    /// <summary>"UnionMemberTypes : UnionMemberTypes | NamedType | = |? NamedType"</summary>
    private IReadOnlyList<NamedTypeNode> ParseUnionMemberTypes() =>
        ExpectOptional(TokenKind.Equal) ? DelimitedNamedTypes(TokenKind.Pipe) : [];

    /// <summary>"EnumTypeDefinition : Description? enum Name Directives[Const]? EnumValuesDefinition?"</summary>
    private EnumTypeDefinitionNode ParseEnumTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = ParseEnumValuesDefinition();
        return new EnumTypeDefinitionNode
        {
            Description = description, Name = name, Directives = directives, Values = values,
            Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
        };
    }

    private IReadOnlyList<EnumValueDefinitionNode> ParseEnumValuesDefinition()
    {
        if (!ExpectOptional(TokenKind.BraceL)) return [];
        var list = new List<EnumValueDefinitionNode>();
        do list.Add(ParseEnumValueDefinition());
        while (!ExpectOptional(TokenKind.BraceR));
        return list;
    }

    /// <summary>"EnumValue : Name but not true or false or null" https://spec.graphql.org/October2021/#EnumValue</summary>
    private EnumValueDefinitionNode ParseEnumValueDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        if (_lexer.Token is { Kind: TokenKind.Name, Value: "true" or "false" or "null" })
            throw SyntaxErrors.ReservedEnumValue(_source, _lexer.Token);
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return new EnumValueDefinitionNode
        {
            Description = description, Name = name, Directives = directives,
            Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
        };
    }

    /// <summary>"InputObjectTypeDefinition : Description? input Name Directives[Const]? InputFieldsDefinition?"</summary>
    private InputObjectTypeDefinitionNode ParseInputObjectTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseInputValueDefinitions(TokenKind.BraceL, TokenKind.BraceR);
        return new InputObjectTypeDefinitionNode
        {
            Description = description, Name = name, Directives = directives, Fields = fields,
            Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
        };
    }

    /// <summary>
    /// "DirectiveDefinition : Description? directive @ Name ArgumentsDefinition? repeatable? on DirectiveLocations"
    /// https://spec.graphql.org/October2021/#sec-Type-System.Directives
    /// </summary>
    private DirectiveDefinitionNode ParseDirectiveDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("directive");
        Expect(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        var repeatable = ExpectOptionalKeyword("repeatable");
        ExpectKeyword("on");
        ExpectOptional(TokenKind.Pipe);
        var locations = new List<NameNode>();
        do
        {
            var token = _lexer.Token;
            var location = ParseName();
            if (!DirectiveLocations.Contains(location.Value)) throw SyntaxErrors.Unexpected(_source, token);
            locations.Add(location);
        }
        while (ExpectOptional(TokenKind.Pipe));
        return new DirectiveDefinitionNode
        {
            Description = description, Name = name, Arguments = arguments, Repeatable = repeatable, Locations = locations,
            Directives = [], Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
        };
    }

    /// <summary>"TypeSystemExtension : SchemaExtension | TypeExtension" https://spec.graphql.org/October2021/#TypeSystemExtension</summary>
    private DefinitionNode ParseTypeSystemExtension()
    {
        var keyword = _lexer.Lookahead();
        if (keyword.Kind == TokenKind.Name)
        {
            var start = _lexer.Token;
            switch (keyword.Value)
            {
                case "schema": return ParseSchemaExtension(start);
                case "scalar": return ParseScalarTypeExtension(start);
                case "type": return ParseObjectLikeExtension(start, "type");
                case "interface": return ParseObjectLikeExtension(start, "interface");
                case "union": return ParseUnionTypeExtension(start);
                case "enum": return ParseEnumTypeExtension(start);
                case "input": return ParseInputObjectTypeExtension(start);
            }
        }
        throw SyntaxErrors.Unexpected(_source, keyword);
    }

    /// <summary>"SchemaExtension : extend schema Directives[Const]? { RootOperationTypeDefinition+ } | extend schema Directives[Const]"</summary>
    private SchemaExtensionNode ParseSchemaExtension(Token start)
    {
        ExpectKeyword("extend");
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        var operationTypes = new List<OperationTypeDefinitionNode>();
        if (ExpectOptional(TokenKind.BraceL))
        {
            do operationTypes.Add(ParseOperationTypeDefinition());
            while (!ExpectOptional(TokenKind.BraceR));
        }
        if (directives.Count == 0 && operationTypes.Count == 0) throw SyntaxErrors.Unexpected(_source, _lexer.Token);
        return new SchemaExtensionNode
        {
            Directives = directives, OperationTypes = operationTypes,
            Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
        };
    }

    private ScalarTypeExtensionNode ParseScalarTypeExtension(Token start)
    {
        ExpectKeyword("extend");
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        if (directives.Count == 0) throw SyntaxErrors.Unexpected(_source, _lexer.Token);
        return new ScalarTypeExtensionNode
        {
            Name = name, Directives = directives, Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
        };
    }

    private TypeExtensionNode ParseObjectLikeExtension(Token start, string keyword)
    {
        ExpectKeyword("extend");
        ExpectKeyword(keyword);
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        if (interfaces.Count == 0 && directives.Count == 0 && fields.Count == 0)
            throw SyntaxErrors.Unexpected(_source, _lexer.Token);
        return keyword == "type"
            ? new ObjectTypeExtensionNode
            {
                Name = name, Interfaces = interfaces, Directives = directives, Fields = fields,
                Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
            }
            : new InterfaceTypeExtensionNode
            {
                Name = name, Interfaces = interfaces, Directives = directives, Fields = fields,
                Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
            };
    }

    private UnionTypeExtensionNode ParseUnionTypeExtension(Token start)
    {
        ExpectKeyword("extend");
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        if (directives.Count == 0 && types.Count == 0) throw SyntaxErrors.Unexpected(_source, _lexer.Token);
        return new UnionTypeExtensionNode
        {
            Name = name, Directives = directives, Types = types,
            Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
        };
    }

    private EnumTypeExtensionNode ParseEnumTypeExtension(Token start)
    {
        ExpectKeyword("extend");
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = ParseEnumValuesDefinition();
        if (directives.Count == 0 && values.Count == 0) throw SyntaxErrors.Unexpected(_source, _lexer.Token);
        return new EnumTypeExtensionNode
        {
            Name = name, Directives = directives, Values = values,
            Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
        };
    }

    private InputObjectTypeExtensionNode ParseInputObjectTypeExtension(Token start)
    {
        ExpectKeyword("extend");
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseInputValueDefinitions(TokenKind.BraceL, TokenKind.BraceR);
        if (directives.Count == 0 && fields.Count == 0) throw SyntaxErrors.Unexpected(_source, _lexer.Token);
        return new InputObjectTypeExtensionNode
        {
            Name = name, Directives = directives, Fields = fields,
            Location = start.Location, Start = start.Start, End = _lexer.LastToken.End,
        };
    }

    // ---- token helpers ----

    private bool Peek(TokenKind kind) => _lexer.Token.Kind == kind;

    /// <summary>Enters one level of nesting (a selection set, list or object value, list type) opened by <paramref name="open"/>.</summary>
    private void Nest(Token open)
    {
        if (++_depth > _maxDepth) throw SyntaxErrors.TooDeep(_source, open, _maxDepth);
    }

    private void Advance()
    {
        var token = _lexer.Advance();
        if (_maxTokens is { } max && token.Kind != TokenKind.EndOfFile && ++_tokenCount > max)
            throw SyntaxErrors.TooManyTokens(_source, token, max);
    }

    private Token Expect(TokenKind kind)
    {
        var token = _lexer.Token;
        if (token.Kind != kind) throw SyntaxErrors.Expected(_source, kind, token);
        Advance();
        return token;
    }

    private bool ExpectOptional(TokenKind kind)
    {
        if (_lexer.Token.Kind != kind) return false;
        Advance();
        return true;
    }

    private void ExpectKeyword(string keyword)
    {
        var token = _lexer.Token;
        if (token.Kind != TokenKind.Name || token.Value != keyword) throw SyntaxErrors.ExpectedKeyword(_source, keyword, token);
        Advance();
    }

    private bool ExpectOptionalKeyword(string keyword)
    {
        if (_lexer.Token.Kind != TokenKind.Name || _lexer.Token.Value != keyword) return false;
        Advance();
        return true;
    }
}
