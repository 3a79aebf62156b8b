using CxDashboard.GraphQL.Language;
using System.Text;
using CxDashboard.GraphQL.Introspection;

namespace CxDashboard.GraphQL.Types;

/// <summary>
/// Prints a schema as SDL the way graphql-js <c>printSchema</c> does: the schema definition only when it
/// has a description or a root type with a non-standard name, then custom directives, then every type of
/// the type map in its order (built-in scalars and introspection types left out), joined by blank lines.
/// https://spec.graphql.org/October2021/#sec-Type-System
/// </summary>
public static class SchemaPrinter
{
    public static string Print(Schema schema)
    {
        var parts = new List<string>();
        if (SchemaDefinition(schema) is { } definition) parts.Add(definition);
        parts.AddRange(schema.Directives.Where(d => !BuiltInDirectives.All.Contains(d)).Select(PrintDirective));
        parts.AddRange(schema.Types.Values
            .Where(t => !(t is ScalarType && BuiltInScalars.IsBuiltIn(t)) && !IntrospectionTypes.IsIntrospectionType(t))
            .Select(PrintType));
        return string.Join("\n\n", parts);
    }

    /// <summary>
    /// "schema { query: … }" — printed only when needed: "when using the common names … the schema
    /// definition may be omitted". https://spec.graphql.org/October2021/#sec-Root-Operation-Types.Default-Root-Operation-Type-Names
    /// </summary>
    private static string? SchemaDefinition(Schema schema)
    {
        var common = schema.QueryType.Name == "Query" &&
                     schema.MutationType is null or { Name: "Mutation" } &&
                     schema.SubscriptionType is null or { Name: "Subscription" };
        if (schema.Description is null && common) return null;
        var sb = new StringBuilder(Description(schema.Description)).Append("schema {\n");
        sb.Append("  query: ").Append(schema.QueryType.Name);
        if (schema.MutationType is { } m) sb.Append("\n  mutation: ").Append(m.Name);
        if (schema.SubscriptionType is { } s) sb.Append("\n  subscription: ").Append(s.Name);
        return sb.Append("\n}").ToString();
    }

    public static string PrintType(NamedType type) => type switch
    {
        ScalarType s => Description(s.Description) + "scalar " + s.Name +
                        (s.SpecifiedByUrl is { } url ? $" @specifiedBy(url: {Printer.PrintString(url)})" : ""),
        ObjectType o => Description(o.Description) + "type " + o.Name + Interfaces(o) + Fields(o),
        InterfaceType i => Description(i.Description) + "interface " + i.Name + Interfaces(i) + Fields(i),
        UnionType u => Description(u.Description) + "union " + u.Name +
                       (u.Types.Count > 0 ? " = " + string.Join(" | ", u.Types.Select(t => t.Name)) : ""),
        EnumType e => Description(e.Description) + "enum " + e.Name + Block(e.Values.Select((v, k) =>
            Description(v.Description, "  ", k == 0) + "  " + v.Name + Deprecated(v.DeprecationReason))),
        InputObjectType io => Description(io.Description) + "input " + io.Name + Block(io.Fields.Select((f, k) =>
            Description(f.Description, "  ", k == 0) + "  " + InputValue(f))),
        _ => throw new NotSupportedException(type.GetType().Name),
    };

    private static string PrintDirective(DirectiveDefinition d) =>
        Description(d.Description) + "directive @" + d.Name + Arguments(d.Arguments, "") +
        (d.IsRepeatable ? " repeatable" : "") + " on " +
        string.Join(" | ", d.Locations.Select(IntrospectionTypes.LocationName));

    private static string Interfaces(ComplexType type) =>
        type.Interfaces.Count > 0 ? " implements " + string.Join(" & ", type.Interfaces.Select(i => i.Name)) : "";

    private static string Fields(ComplexType type) => Block(type.Fields.Select((f, k) =>
        Description(f.Description, "  ", k == 0) + "  " + f.Name + Arguments(f.Arguments, "  ") + ": " + f.Type +
        Deprecated(f.DeprecationReason)));

    private static string Block(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count > 0 ? " {\n" + string.Join("\n", list) + "\n}" : "";
    }

    /// <summary>On one line when no argument has a description, else one per line with descriptions.</summary>
    private static string Arguments(IReadOnlyList<InputValueDefinition> args, string indentation)
    {
        if (args.Count == 0) return "";
        if (args.All(a => string.IsNullOrEmpty(a.Description)))
            return "(" + string.Join(", ", args.Select(InputValue)) + ")";
        return "(\n" + string.Join("\n", args.Select((a, k) =>
            Description(a.Description, "  " + indentation, k == 0) + "  " + indentation + InputValue(a))) + "\n" + indentation + ")";
    }

    private static string InputValue(InputValueDefinition value) =>
        value.Name + ": " + value.Type +
        (value.DefaultValue is { } d ? " = " + SdlValuePrinter.Print(d) : "") +
        Deprecated(value.DeprecationReason);

    private static string Deprecated(string? reason) => reason switch
    {
        null => "",
        BuiltInDirectives.DefaultDeprecationReason => " @deprecated",
        _ => $" @deprecated(reason: {Printer.PrintString(reason)})",
    };

    private static string Description(string? description, string indentation = "", bool firstInBlock = true)
    {
        if (description is null) return "";
        var prefix = indentation.Length > 0 && !firstInBlock ? "\n" + indentation : indentation;
        var text = SdlValuePrinter.IsPrintableAsBlockString(description)
            ? Language.BlockString.Print(description)
            : Printer.PrintString(description);
        return prefix + text.Replace("\n", "\n" + indentation) + "\n";
    }
}
