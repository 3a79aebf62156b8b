using CxDashboard.GraphQL.Introspection;

namespace CxDashboard.GraphQL.Types;

/// <summary>
/// Checks a schema against the type system's rules and returns every problem (empty when valid).
/// "All types within a GraphQL schema must have unique names … All types and directives defined within
/// a schema must not have a name which begins with "__"." https://spec.graphql.org/October2021/#sec-Schema
/// Each rule below quotes its own sentence of the specification.
/// </summary>
public static class SchemaValidator
{
    public static IReadOnlyList<string> Validate(Schema schema)
    {
        var problems = new List<string>();
        ValidateRootTypes(schema, problems);
        problems.AddRange(ValidateTypes(schema.Types.Values, schema.Directives));
        return problems;
    }

    /// <summary>The rules that need no root types (used too when a schema cannot be assembled).</summary>
    public static IReadOnlyList<string> ValidateTypes(IEnumerable<NamedType> types, IEnumerable<DirectiveDefinition> directives)
    {
        var problems = new List<string>();
        var own = types.Where(t => !IsIntrospection(t) && !(t is ScalarType && BuiltInScalars.IsBuiltIn(t))).ToList();
        var context = new Context(own, problems);
        foreach (var d in directives)
            if (!BuiltInDirectives.All.Contains(d)) ValidateDirective(d, problems);
        foreach (var type in own)
        {
            ValidateName(type.Name, problems);
            switch (type)
            {
                case ComplexType c:
                    ValidateFields(c, problems);
                    ValidateInterfaces(c, context);
                    break;
                case UnionType u: ValidateUnion(u, problems); break;
                case EnumType e: ValidateEnum(e, problems); break;
                case InputObjectType io:
                    ValidateInputFields(io, problems);
                    context.DetectInputCycles(io);
                    break;
            }
        }
        return problems;
    }

    private static bool IsIntrospection(NamedType t) => IntrospectionTypes.All.Contains(t);

    /// <summary>
    /// "The query root operation type must be provided and must be an Object type." and "The query,
    /// mutation, and subscription root types must all be different types if provided."
    /// https://spec.graphql.org/October2021/#sec-Root-Operation-Types
    /// </summary>
    private static void ValidateRootTypes(Schema schema, List<string> problems)
    {
        var roots = new[] { ("query", (NamedType?)schema.QueryType), ("mutation", schema.MutationType), ("subscription", schema.SubscriptionType) }
            .Where(r => r.Item2 is not null)
            .GroupBy(r => r.Item2!.Name);
        foreach (var group in roots.Where(g => g.Count() > 1))
            problems.Add(SchemaErrors.RootShared(group.Key, string.Join(" and ", group.Select(r => r.Item1))));
    }

    /// <summary>
    /// "Any Name within a GraphQL type system must not start with two underscores "__" unless it is part of
    /// the introspection system as defined by this specification."
    /// https://spec.graphql.org/October2021/#sec-Names.Reserved-Names
    /// </summary>
    private static void ValidateName(string name, List<string> problems)
    {
        if (name.Length == 0) { problems.Add(SchemaErrors.EmptyName()); return; }
        if (!(char.IsAsciiLetter(name[0]) || name[0] == '_')) problems.Add(SchemaErrors.NameStart(name));
        else if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')) problems.Add(SchemaErrors.NameChars(name));
        if (name.StartsWith("__", StringComparison.Ordinal)) problems.Add(SchemaErrors.ReservedName(name));
    }

    /// <summary>
    /// "A directive definition must not have a name which begins with "__"", must list at least one
    /// location, and "the argument must accept a type where IsInputType(argumentType) returns true."
    /// https://spec.graphql.org/October2021/#sec-Type-System.Directives.Validation
    /// </summary>
    private static void ValidateDirective(DirectiveDefinition d, List<string> problems)
    {
        ValidateName(d.Name, problems);
        if (d.Locations.Count == 0) problems.Add(SchemaErrors.DirectiveNoLocations(d.Name));
        var seen = new HashSet<string>();
        foreach (var arg in d.Arguments)
        {
            ValidateName(arg.Name, problems);
            if (!seen.Add(arg.Name)) problems.Add(SchemaErrors.DirectiveDuplicateArgument(d.Name, arg.Name));
            if (!arg.Type.IsInputType) problems.Add(SchemaErrors.DirectiveArgumentNotInput(d.Name, arg.Name, arg.Type.ToString()));
            if (IsRequired(arg) && arg.IsDeprecated) problems.Add(SchemaErrors.DirectiveRequiredArgumentDeprecated(d.Name, arg.Name));
        }
    }

    /// <summary>
    /// "An Object type must define one or more fields." … "The field must return a type where
    /// IsOutputType(fieldType) returns true." … "The argument must accept a type where
    /// IsInputType(argumentType) returns true." https://spec.graphql.org/October2021/#sec-Objects.Type-Validation
    /// </summary>
    private static void ValidateFields(ComplexType type, List<string> problems)
    {
        if (type.Fields.Count == 0) problems.Add(SchemaErrors.NoFields(type.Name));
        foreach (var field in type.Fields)
        {
            ValidateName(field.Name, problems);
            if (!field.Type.IsOutputType) problems.Add(SchemaErrors.FieldNotOutput(type.Name, field.Name, field.Type.ToString()));
            var seen = new HashSet<string>();
            foreach (var arg in field.Arguments)
            {
                ValidateName(arg.Name, problems);
                if (!seen.Add(arg.Name)) problems.Add(SchemaErrors.DuplicateArgument(type.Name, field.Name, arg.Name));
                if (!arg.Type.IsInputType) problems.Add(SchemaErrors.ArgumentNotInput(type.Name, field.Name, arg.Name, arg.Type.ToString()));
                if (IsRequired(arg) && arg.IsDeprecated) problems.Add(SchemaErrors.RequiredArgumentDeprecated(type.Name, field.Name, arg.Name));
            }
        }
    }

    /// <summary>"A Union type must include one or more unique member types." https://spec.graphql.org/October2021/#sec-Unions.Type-Validation</summary>
    private static void ValidateUnion(UnionType union, List<string> problems)
    {
        if (union.Types.Count == 0) problems.Add(SchemaErrors.NoUnionMembers(union.Name));
        var seen = new HashSet<string>();
        foreach (var member in union.Types)
            if (!seen.Add(member.Name)) problems.Add(SchemaErrors.DuplicateUnionMember(union.Name, member.Name));
    }

    /// <summary>
    /// "An Enum type must define one or more unique enum values." Values are Names "but not true, false or null".
    /// https://spec.graphql.org/October2021/#sec-Enums.Type-Validation
    /// </summary>
    private static void ValidateEnum(EnumType type, List<string> problems)
    {
        if (type.Values.Count == 0) problems.Add(SchemaErrors.NoEnumValues(type.Name));
        foreach (var value in type.Values)
        {
            ValidateName(value.Name, problems);
            if (value.Name is "true" or "false" or "null") problems.Add(SchemaErrors.ReservedEnumValue(type.Name, value.Name));
        }
    }

    /// <summary>
    /// "An Input Object type must define one or more input fields." … "The input field must accept a type
    /// where IsInputType(inputFieldType) returns true." https://spec.graphql.org/October2021/#sec-Input-Objects.Type-Validation
    /// </summary>
    private static void ValidateInputFields(InputObjectType type, List<string> problems)
    {
        if (type.Fields.Count == 0) problems.Add(SchemaErrors.NoInputFields(type.Name));
        foreach (var field in type.Fields)
        {
            ValidateName(field.Name, problems);
            if (!field.Type.IsInputType) problems.Add(SchemaErrors.InputFieldNotInput(type.Name, field.Name, field.Type.ToString()));
            if (IsRequired(field) && field.IsDeprecated) problems.Add(SchemaErrors.RequiredInputFieldDeprecated(type.Name, field.Name));
        }
    }

    private static bool IsRequired(InputValueDefinition value) => value.Type.IsNonNull && !value.HasDefaultValue;

    /// <summary>
    /// "An object type may declare that it implements one or more unique interfaces." and "If the
    /// implemented interface itself implements interfaces, the object type must also implement them."
    /// https://spec.graphql.org/October2021/#sec-Objects.Type-Validation
    /// </summary>
    private static void ValidateInterfaces(ComplexType type, Context context)
    {
        var seen = new HashSet<string>();
        foreach (var iface in type.Interfaces)
        {
            if (ReferenceEquals(iface, type) || iface.Name == type.Name)
            {
                context.Problems.Add(SchemaErrors.ImplementsItself(type.Name));
                continue;
            }
            if (!seen.Add(iface.Name))
            {
                context.Problems.Add(SchemaErrors.ImplementsTwice(type.Name, iface.Name));
                continue;
            }
            ValidateImplementsAncestors(type, iface, context.Problems);
            ValidateImplementsInterface(type, iface, context);
        }
    }

    /// <summary>"The object type must include a field of the same name for every field defined in an interface" … IsValidImplementation.
    /// https://spec.graphql.org/October2021/#IsValidImplementation()</summary>
    private static void ValidateImplementsInterface(ComplexType type, InterfaceType iface, Context context)
    {
        foreach (var ifaceField in iface.Fields)
        {
            var typeField = type.GetField(ifaceField.Name);
            if (typeField is null)
            {
                context.Problems.Add(SchemaErrors.MissingInterfaceField(iface.Name, ifaceField.Name, type.Name));
                continue;
            }
            if (!context.IsSubTypeOf(typeField.Type, ifaceField.Type))
                context.Problems.Add(SchemaErrors.InterfaceFieldType(iface.Name, ifaceField.Name, ifaceField.Type.ToString(), type.Name, typeField.Type.ToString()));
            foreach (var ifaceArg in ifaceField.Arguments)
            {
                var typeArg = typeField.GetArgument(ifaceArg.Name);
                if (typeArg is null)
                {
                    context.Problems.Add(SchemaErrors.MissingInterfaceArgument(iface.Name, ifaceField.Name, ifaceArg.Name, type.Name));
                    continue;
                }
                // "field argument type must be equivalent" (invariant, unlike the covariant field type).
                if (!GraphQLType.AreEqual(ifaceArg.Type, typeArg.Type))
                    context.Problems.Add(SchemaErrors.InterfaceArgumentType(iface.Name, ifaceField.Name, ifaceArg.Name,
                        ifaceArg.Type.ToString(), type.Name, typeArg.Type.ToString()));
            }
            foreach (var typeArg in typeField.Arguments)
                if (ifaceField.GetArgument(typeArg.Name) is null && IsRequired(typeArg))
                    context.Problems.Add(SchemaErrors.ExtraRequiredArgument(type.Name, ifaceField.Name, typeArg.Name, iface.Name));
        }
    }

    /// <summary>"Transitively implemented interfaces … must also be defined on an implementing type."
    /// https://spec.graphql.org/October2021/#sec-Interfaces.Interfaces-Implementing-Interfaces</summary>
    private static void ValidateImplementsAncestors(ComplexType type, InterfaceType iface, List<string> problems)
    {
        foreach (var transitive in iface.Interfaces)
        {
            if (type.Interfaces.Exists(i => i.Name == transitive.Name)) continue;
            problems.Add(transitive.Name == type.Name
                ? SchemaErrors.InterfaceCycle(type.Name, iface.Name)
                : SchemaErrors.MissingTransitive(type.Name, transitive.Name, iface.Name));
        }
    }

    private sealed class Context(IReadOnlyList<NamedType> types, List<string> problems)
    {
        private readonly HashSet<string> _visitedInputs = [];
        private readonly Dictionary<string, int> _pathIndex = [];
        private readonly List<InputValueDefinition> _path = [];

        public List<string> Problems { get; } = problems;

        /// <summary>
        /// Covariance of field types: "IsValidImplementationFieldType(fieldType, implementedFieldType)".
        /// https://spec.graphql.org/October2021/#IsValidImplementationFieldType()
        /// </summary>
        public bool IsSubTypeOf(GraphQLType sub, GraphQLType super)
        {
            if (GraphQLType.AreEqual(sub, super)) return true;
            if (super is NonNullType superNn) return sub is NonNullType subNn && IsSubTypeOf(subNn.OfType, superNn.OfType);
            if (sub is NonNullType nn) return IsSubTypeOf(nn.OfType, super);
            if (super is ListType superList) return sub is ListType subList && IsSubTypeOf(subList.OfType, superList.OfType);
            if (sub is ListType) return false;
            return super switch
            {
                UnionType u => sub is ObjectType && u.Types.Exists(m => m.Name == ((NamedType)sub).Name),
                InterfaceType i => sub is ComplexType c && c.Interfaces.Exists(x => x.Name == i.Name),
                _ => false,
            };
        }

        /// <summary>
        /// "If an Input Object references itself either directly or through referenced Input Objects, at least
        /// one of the fields in the chain of references must be either a nullable or a List type."
        /// https://spec.graphql.org/October2021/#sec-Input-Objects.Type-Validation
        /// </summary>
        public void DetectInputCycles(InputObjectType type)
        {
            if (!_visitedInputs.Add(type.Name)) return;
            _pathIndex[type.Name] = _path.Count;
            foreach (var field in type.Fields)
            {
                if (field.Type is not NonNullType { OfType: InputObjectType fieldType }) continue;
                _path.Add(field);
                if (!_pathIndex.TryGetValue(fieldType.Name, out var cycleStart)) DetectInputCycles(fieldType);
                else Problems.Add(SchemaErrors.InputCycle(fieldType.Name, string.Join(".", _path.Skip(cycleStart).Select(f => f.Name))));
                _path.RemoveAt(_path.Count - 1);
            }
            _pathIndex.Remove(type.Name);
        }

        public IReadOnlyList<NamedType> Types { get; } = types;
    }
}
