using System.Text;

namespace CxDashboard.GraphQL.Language;

/// <summary>
/// Prints any syntax node back to GraphQL text with graphql-js <c>print()</c>'s layout: two-space indented
/// blocks, arguments wrapped when a field line passes 80 characters, block strings kept as block strings,
/// descriptions above their definitions. Printing then parsing gives back an equal AST.
/// </summary>
public static class Printer
{
    private const int MaxLineLength = 80;

    public static string Print(Node node) => node switch
    {
        NameNode n => n.Value,
        DocumentNode d => Join(d.Definitions.Select(Print), "\n\n"),
        OperationDefinitionNode o => PrintOperation(o),
        VariableDefinitionNode v =>
            Print(v.Variable) + ": " + Print(v.Type) + Wrap(" = ", Opt(v.DefaultValue)) + Wrap(" ", Directives(v.Directives)),
        SelectionSetNode s => Block(s.Selections.Select(Print)),
        FieldNode f => PrintField(f),
        ArgumentNode a => a.Name.Value + ": " + Print(a.Value),
        FragmentSpreadNode fs => "..." + fs.Name.Value + Wrap(" ", Directives(fs.Directives)),
        InlineFragmentNode i =>
            Join(["...", Wrap("on ", Opt(i.TypeCondition)), Directives(i.Directives), Print(i.SelectionSet)], " "),
        FragmentDefinitionNode fd =>
            $"fragment {fd.Name.Value} on {Print(fd.TypeCondition)} {Wrap("", Directives(fd.Directives), " ")}" + Print(fd.SelectionSet),

        // values and type references (what error messages print) go through one StringBuilder, a small frame per level
        ValueNode or ObjectFieldNode or TypeNode => Inline(node),
        DirectiveNode d => "@" + d.Name.Value + Wrap("(", Join(d.Arguments.Select(Print), ", "), ")"),

        SchemaDefinitionNode s =>
            Description(s.Description) + Join(["schema", Directives(s.Directives), Block(s.OperationTypes.Select(Print))], " "),
        OperationTypeDefinitionNode o => OperationKeyword(o.Operation) + ": " + Print(o.Type),
        ScalarTypeDefinitionNode s => Description(s.Description) + Join(["scalar", s.Name.Value, Directives(s.Directives)], " "),
        ObjectTypeDefinitionNode o => Description(o.Description) + Join(["type", o.Name.Value, Implements(o.Interfaces),
            Directives(o.Directives), Block(o.Fields.Select(Print))], " "),
        FieldDefinitionNode f => Description(f.Description) + f.Name.Value + ArgumentDefinitions(f.Arguments)
            + ": " + Print(f.Type) + Wrap(" ", Directives(f.Directives)),
        InputValueDefinitionNode iv => Join([Description(iv.Description) + iv.Name.Value + ": " + Print(iv.Type),
            Wrap("= ", Opt(iv.DefaultValue)), Directives(iv.Directives)], " "),
        InterfaceTypeDefinitionNode i => Description(i.Description) + Join(["interface", i.Name.Value, Implements(i.Interfaces),
            Directives(i.Directives), Block(i.Fields.Select(Print))], " "),
        UnionTypeDefinitionNode u => Description(u.Description) + Join(["union", u.Name.Value, Directives(u.Directives),
            Wrap("= ", Join(u.Types.Select(Print), " | "))], " "),
        EnumTypeDefinitionNode e => Description(e.Description) + Join(["enum", e.Name.Value, Directives(e.Directives),
            Block(e.Values.Select(Print))], " "),
        EnumValueDefinitionNode ev => Description(ev.Description) + Join([ev.Name.Value, Directives(ev.Directives)], " "),
        InputObjectTypeDefinitionNode io => Description(io.Description) + Join(["input", io.Name.Value, Directives(io.Directives),
            Block(io.Fields.Select(Print))], " "),
        DirectiveDefinitionNode dd => Description(dd.Description) + "directive @" + dd.Name.Value + ArgumentDefinitions(dd.Arguments)
            + (dd.Repeatable ? " repeatable" : "") + " on " + Join(dd.Locations.Select(Print), " | "),

        SchemaExtensionNode s => Join(["extend schema", Directives(s.Directives), Block(s.OperationTypes.Select(Print))], " "),
        ScalarTypeExtensionNode s => Join(["extend scalar", s.Name.Value, Directives(s.Directives)], " "),
        ObjectTypeExtensionNode o => Join(["extend type", o.Name.Value, Implements(o.Interfaces), Directives(o.Directives),
            Block(o.Fields.Select(Print))], " "),
        InterfaceTypeExtensionNode i => Join(["extend interface", i.Name.Value, Implements(i.Interfaces), Directives(i.Directives),
            Block(i.Fields.Select(Print))], " "),
        UnionTypeExtensionNode u => Join(["extend union", u.Name.Value, Directives(u.Directives),
            Wrap("= ", Join(u.Types.Select(Print), " | "))], " "),
        EnumTypeExtensionNode e => Join(["extend enum", e.Name.Value, Directives(e.Directives), Block(e.Values.Select(Print))], " "),
        InputObjectTypeExtensionNode io => Join(["extend input", io.Name.Value, Directives(io.Directives),
            Block(io.Fields.Select(Print))], " "),

        _ => throw new NotSupportedException($"Printing {node.GetType().Name} is not supported."),
    };

    private static string Inline(Node node)
    {
        var sb = new StringBuilder();
        Write(sb, node);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Node node)
    {
        switch (node)
        {
            case VariableNode v: sb.Append('$').Append(v.Name.Value); break;
            case IntValueNode i: sb.Append(i.Value); break;
            case FloatValueNode f: sb.Append(f.Value); break;
            case StringValueNode s: sb.Append(s.Block ? BlockString.Print(s.Value) : PrintString(s.Value)); break;
            case BooleanValueNode b: sb.Append(b.Value ? "true" : "false"); break;
            case NullValueNode: sb.Append("null"); break;
            case EnumValueNode e: sb.Append(e.Value); break;
            case ListValueNode l:
                sb.Append('[');
                for (var i = 0; i < l.Values.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Write(sb, l.Values[i]);
                }
                sb.Append(']');
                break;
            case ObjectValueNode o:
                sb.Append('{');
                for (var i = 0; i < o.Fields.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Write(sb, o.Fields[i]);
                }
                sb.Append('}');
                break;
            case ObjectFieldNode of:
                sb.Append(of.Name.Value).Append(": ");
                Write(sb, of.Value);
                break;
            case NamedTypeNode n: sb.Append(n.Name.Value); break;
            case ListTypeNode l:
                sb.Append('[');
                Write(sb, l.Type);
                sb.Append(']');
                break;
            case NonNullTypeNode n:
                Write(sb, n.Type);
                sb.Append('!');
                break;
            default: throw new NotSupportedException($"Printing {node.GetType().Name} is not supported.");
        }
    }

    private static string PrintOperation(OperationDefinitionNode o)
    {
        var variables = Wrap("(", Join(o.VariableDefinitions.Select(Print), ", "), ")");
        var prefix = Join([OperationKeyword(o.Operation), (o.Name?.Value ?? "") + variables, Directives(o.Directives)], " ");
        // Anonymous queries without variables or directives print in the shorthand form.
        return (prefix == "query" ? "" : prefix + " ") + Print(o.SelectionSet);
    }

    private static string PrintField(FieldNode f)
    {
        var prefix = Wrap("", f.Alias?.Value, ": ") + f.Name.Value;
        var arguments = f.Arguments.Select(Print).ToList();
        var line = prefix + Wrap("(", Join(arguments, ", "), ")");
        if (line.Length > MaxLineLength) line = prefix + Wrap("(\n", Indent(Join(arguments, "\n")), "\n)");
        return Join([line, Directives(f.Directives), f.SelectionSet is null ? "" : Print(f.SelectionSet)], " ");
    }

    private static string ArgumentDefinitions(IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        var printed = arguments.Select(Print).ToList();
        return printed.Any(a => a.Contains('\n'))
            ? Wrap("(\n", Indent(Join(printed, "\n")), "\n)")
            : Wrap("(", Join(printed, ", "), ")");
    }

    private static string OperationKeyword(OperationType operation) => operation switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        _ => "subscription",
    };

    private static string Implements(IReadOnlyList<NamedTypeNode> interfaces) =>
        Wrap("implements ", Join(interfaces.Select(Print), " & "));

    private static string Directives(IReadOnlyList<DirectiveNode> directives) => Join(directives.Select(Print), " ");

    private static string Description(StringValueNode? description) => description is null ? "" : Print(description) + "\n";

    private static string? Opt(Node? node) => node is null ? null : Print(node);

    private static string Join(IEnumerable<string?> parts, string separator) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrEmpty(p)));

    private static string Wrap(string start, string? value, string end = "") =>
        string.IsNullOrEmpty(value) ? "" : start + value + end;

    private static string Block(IEnumerable<string> items) => Wrap("{\n", Indent(Join(items, "\n")), "\n}");

    private static string Indent(string text) => Wrap("  ", text.Replace("\n", "\n  "));

    /// <summary>
    /// A string literal with graphql-js's escapes: \" \\ \b \f \n \r \t, other C0/C1 controls and DEL as \uXXXX.
    /// </summary>
    public static string PrintString(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case < '\u0020' or (>= '\u007F' and <= '\u009F'):
                    sb.Append("\\u").Append(((int)c).ToString("X4"));
                    break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }
}
