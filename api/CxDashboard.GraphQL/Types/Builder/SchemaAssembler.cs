using System.Reflection;

namespace CxDashboard.GraphQL.Types;

/// <summary>
/// Runs <see cref="SchemaBuilder.Build"/>: configures every definition, creates the named types, resolves
/// type references (SDL text or CLR types) by name, converts default values to literals, then validates.
/// Problems are collected, never thrown one by one, so a developer sees every mistake at once.
/// </summary>
internal sealed class SchemaAssembler(
    IReadOnlyList<object> registrations, IReadOnlyList<DirectiveDefinition> directives, SchemaOptions options,
    TypeDefinition? query, TypeDefinition? mutation, TypeDefinition? subscription, IReadOnlyList<TypeExtension> extensions)
{
    private readonly List<string> _problems = [];
    private readonly Dictionary<string, NamedType> _byName = new(StringComparer.Ordinal);
    private readonly List<NamedType> _order = [];
    private readonly Dictionary<Type, List<NamedType>> _outputByClr = [];
    private readonly Dictionary<Type, List<NamedType>> _inputByClr = [];
    private readonly Dictionary<TypeDefinition, NamedType> _byDefinition = [];
    private readonly List<(TypeConfig Config, NamedType Type)> _configured = [];
    private readonly List<(InputValueDefinition Value, object? Default, string Where)> _defaults = [];

    public Schema Assemble()
    {
        foreach (var scalar in BuiltInScalars.All) _byName[scalar.Name] = scalar;
        foreach (var registration in registrations)
        {
            if (registration is NamedType ready)
            {
                Register(ready);
                continue;
            }
            var definition = (TypeDefinition)registration;
            TypeConfig config;
            try { config = definition.CreateConfig(); }
            catch (ArgumentException e)
            {
                _problems.Add($"{definition.GetType().Name}: {e.Message}");
                continue;
            }
            _problems.AddRange(config.Problems);
            var type = Create(config);
            if (!Register(type)) continue;
            _byDefinition[definition] = type;
            _configured.Add((config, type));
            if (config.ClrType is { } clr)
            {
                var map = type is InputObjectType ? _inputByClr : _outputByClr;
                if (!map.TryGetValue(clr, out var list)) map[clr] = list = [];
                list.Add(type);
                if (type is EnumType) (_inputByClr.TryGetValue(clr, out var l) ? l : _inputByClr[clr] = []).Add(type);
            }
        }

        Extend();
        foreach (var (config, type) in _configured.ToList()) Fill(config, type);
        ConvertDefaults();

        var queryType = Root("Query", query);
        var mutationType = Root("Mutation", mutation);
        var subscriptionType = Root("Subscription", subscription);
        if (query is null) _problems.Add(SchemaErrors.QueryMissing());

        var directiveList = new List<DirectiveDefinition>(BuiltInDirectives.All);
        foreach (var d in directives)
        {
            if (directiveList.Exists(x => x.Name == d.Name)) _problems.Add(SchemaErrors.DuplicateDirective(d.Name));
            else directiveList.Add(d);
        }

        if (queryType is null || _problems.Count > 0)
        {
            // Still check the rules the types break on their own, so the list is complete.
            _problems.AddRange(SchemaValidator.ValidateTypes(_byName.Values, directiveList));
            throw new SchemaException(_problems.Distinct().ToList());
        }

        var schema = new Schema(queryType, mutationType, subscriptionType, _order, directiveList, options.Description);
        var problems = SchemaValidator.Validate(schema);
        if (problems.Count > 0) throw new SchemaException(problems);
        return schema;
    }

    /// <summary>Runs each type extension on the configuration of the object type it names, before any field is built.</summary>
    private void Extend()
    {
        foreach (var extension in extensions)
        {
            var target = _configured.Find(c => c.Config.Name == extension.TypeName).Config;
            if (target is null || target.Kind != ConfigKind.Object)
                _problems.Add($"Cannot extend \"{extension.TypeName}\": no object type of that name is registered.");
            else if (target.ClrType is { } clr && !extension.ClrType.IsAssignableFrom(clr))
                _problems.Add($"Cannot extend \"{extension.TypeName}\" as {extension.ClrType.Name}: its values are {clr.Name}.");
            else
            {
                var before = target.Problems.Count;
                extension.Configure(target);
                _problems.AddRange(target.Problems.Skip(before));
            }
        }
    }

    private ObjectType? Root(string operation, TypeDefinition? definition)
    {
        if (definition is null || !_byDefinition.TryGetValue(definition, out var type)) return null;
        if (type is ObjectType o) return o;
        _problems.Add(SchemaErrors.RootNotObject(operation, type.Name));
        return null;
    }

    private bool Register(NamedType type, bool explicitly = true)
    {
        if (_byName.TryGetValue(type.Name, out var existing))
        {
            if (!ReferenceEquals(existing, type)) _problems.Add(SchemaErrors.DuplicateType(type.Name));
            return false;
        }
        _byName[type.Name] = type;
        // Types added by inference are not listed: the schema collects them where first referenced.
        if (explicitly) _order.Add(type);
        return true;
    }

    private static NamedType Create(TypeConfig config)
    {
        NamedType type = config.Kind switch
        {
            ConfigKind.Object => new ObjectType(config.Name) { IsTypeOf = config.IsTypeOf },
            ConfigKind.Interface => new InterfaceType(config.Name),
            ConfigKind.Union => new UnionType(config.Name),
            ConfigKind.InputObject => new InputObjectType(config.Name),
            _ => new EnumType(config.Name),
        };
        type.Description = config.Description;
        foreach (var (k, v) in config.Metadata) type.Metadata[k] = v;
        if (config.ClrType is not null) type.Metadata["clrType"] = config.ClrType;
        return type;
    }

    private void Fill(TypeConfig config, NamedType type)
    {
        switch (type)
        {
            case ComplexType complex:
                foreach (var name in config.Interfaces)
                {
                    if (!_byName.TryGetValue(name, out var iface)) _problems.Add(SchemaErrors.UnknownType(name, $"the interfaces of {config.Name}"));
                    else if (iface is InterfaceType i) complex.Interfaces.Add(i);
                    else _problems.Add(SchemaErrors.NotInterface(config.Name, name));
                }
                foreach (var field in config.Fields) AddField(complex, field);
                if (type is InterfaceType it && config.ResolveTypeName is { } pick)
                    it.ResolveType = (value, ctx) => pick(value) is { } n ? ctx.Schema.GetType(n) as ObjectType : null;
                break;
            case UnionType union:
                foreach (var name in config.UnionMembers)
                {
                    if (!_byName.TryGetValue(name, out var member)) _problems.Add(SchemaErrors.UnknownType(name, $"union {config.Name}"));
                    else if (member is ObjectType o) union.Types.Add(o);
                    else _problems.Add(SchemaErrors.UnionMemberNotObject(config.Name, name));
                }
                if (config.ResolveTypeName is { } pickMember)
                    union.ResolveType = (value, ctx) => pickMember(value) is { } n ? ctx.Schema.GetType(n) as ObjectType : null;
                break;
            case InputObjectType input:
                foreach (var field in config.InputFields)
                {
                    var where = $"input field {config.Name}.{field.Name}";
                    if (Resolve(field.Type, where, input: true) is not { } fieldType) continue;
                    if (input.GetField(field.Name) is not null)
                    {
                        _problems.Add($"Input field \"{config.Name}.{field.Name}\" can only be defined once.");
                        continue;
                    }
                    var definition = input.AddField(InputValue(field, fieldType, where));
                    if (field.Member is not null) definition.Metadata["clrMember"] = field.Member;
                }
                input.Create = config.Create ?? (config.ClrType is { } clr ? InputObjectFactory.For(clr, input) : null);
                break;
            case EnumType enumType:
                foreach (var value in config.EnumValues.Where(v => !v.Ignored))
                {
                    if (enumType.GetValue(value.Name) is not null)
                    {
                        _problems.Add($"Enum value \"{config.Name}.{value.Name}\" can only be defined once.");
                        continue;
                    }
                    enumType.AddValue(new EnumValueDefinition(value.Name, value.Value)
                    {
                        Description = value.Description,
                        DeprecationReason = value.DeprecationReason,
                    });
                }
                break;
        }
    }

    private void AddField(ComplexType owner, FieldConfig field)
    {
        var where = $"field {owner.Name}.{field.Name}";
        if (Resolve(field.Type, where, input: false) is not { } type) return;
        var definition = new FieldDefinition(field.Name, type)
        {
            Description = field.Description,
            DeprecationReason = field.DeprecationReason,
            Resolver = field.Resolver,
            ParentResolver = field.ParentResolver,
        };
        foreach (var (k, v) in field.Metadata) definition.Metadata[k] = v;
        foreach (var argument in field.Arguments)
        {
            var argWhere = $"argument {owner.Name}.{field.Name}({argument.Name}:)";
            if (Resolve(argument.Type, argWhere, input: true) is { } argType)
                definition.Arguments.Add(InputValue(argument, argType, argWhere));
        }
        owner.AddField(definition);
    }

    private InputValueDefinition InputValue(InputValueConfig config, GraphQLType type, string where)
    {
        var value = new InputValueDefinition(config.Name, type)
        {
            Description = config.Description,
            DeprecationReason = config.DeprecationReason,
        };
        // Converted once every type is filled: an enum default needs the enum's values.
        if (config.HasDefault) _defaults.Add((value, config.Default, where));
        return value;
    }

    private void ConvertDefaults()
    {
        foreach (var (value, clrDefault, where) in _defaults)
        {
            try { value.DefaultValue = LiteralFromValue.Convert(clrDefault, value.Type); }
            catch (Exception e) when (e is CoercionException or InvalidCastException or ArgumentException)
            {
                _problems.Add(SchemaErrors.BadDefault(where, value.Type.ToString(), e.Message));
            }
        }
    }

    // ---- type references ----

    private GraphQLType? Resolve(TypeReference? reference, string where, bool input)
    {
        switch (reference)
        {
            case null:
                _problems.Add(SchemaErrors.MissingType(Capitalize(where)));
                return null;
            case DirectTypeReference d:
                return d.Type;
            case SdlTypeReference s:
                TypeReferenceSyntax.Syntax syntax;
                try { syntax = TypeReferenceSyntax.Parse(s.Text); }
                catch (FormatException e)
                {
                    _problems.Add(SchemaErrors.InvalidReference(e.Message, where));
                    return null;
                }
                return FromSyntax(syntax, where);
            case ClrTypeReference c:
                return FromClr(c.ClrType, c.Nullability, input, where);
            default:
                throw new InvalidOperationException("Unknown type reference kind.");
        }
    }

    private GraphQLType? FromSyntax(TypeReferenceSyntax.Syntax syntax, string where) => syntax switch
    {
        TypeReferenceSyntax.Named n => _byName.TryGetValue(n.Name, out var t) ? t : Unknown(n.Name, where),
        TypeReferenceSyntax.List l => FromSyntax(l.Of, where) is { } of ? new ListType(of) : null,
        TypeReferenceSyntax.NonNull nn => FromSyntax(nn.Of, where) is { } of ? new NonNullType(of) : null,
        _ => null,
    };

    private GraphQLType? Unknown(string name, string where)
    {
        _problems.Add(SchemaErrors.UnknownType(name, where));
        return null;
    }

    /// <summary>CLR type + nullable annotation → GraphQL type (see README "type inference").</summary>
    private GraphQLType? FromClr(Type clr, NullabilityInfo? info, bool input, string where)
    {
        bool nullable;
        if (Nullable.GetUnderlyingType(clr) is { } underlying)
        {
            clr = underlying;
            nullable = true;
        }
        else nullable = !clr.IsValueType && info?.ReadState != NullabilityState.NotNull;

        GraphQLType? inner;
        if (ScalarFor(clr) is { } scalar) inner = scalar;
        else if (clr.IsEnum) inner = EnumFor(clr, where);
        else if (ListElement(clr, info) is { } element)
            inner = FromClr(element.Type, element.Info, input, where) is { } of ? new ListType(of) : null;
        else inner = Bound(clr, input, where);

        return inner is null ? null : nullable ? inner : new NonNullType(inner);
    }

    private NamedType? ScalarFor(Type clr)
    {
        if (clr == typeof(string)) return BuiltInScalars.String;
        if (clr == typeof(int) || clr == typeof(short) || clr == typeof(byte) || clr == typeof(sbyte) ||
            clr == typeof(ushort) || clr == typeof(long) || clr == typeof(uint)) return BuiltInScalars.Int;
        if (clr == typeof(double) || clr == typeof(float)) return BuiltInScalars.Float;
        if (clr == typeof(bool)) return BuiltInScalars.Boolean;
        if (clr == typeof(Guid)) return BuiltInScalars.ID;
        if (clr == typeof(decimal)) return CustomScalar(CustomScalars.Decimal);
        if (clr == typeof(DateOnly)) return CustomScalar(CustomScalars.Date);
        if (clr == typeof(DateTime) || clr == typeof(DateTimeOffset)) return CustomScalar(CustomScalars.DateTime);
        return null;
    }

    /// <summary>The registered scalar of that name, else the standard one (registered on first use).</summary>
    private NamedType CustomScalar(ScalarType standard)
    {
        if (_byName.TryGetValue(standard.Name, out var registered)) return registered;
        Register(standard, explicitly: false);
        return standard;
    }

    private NamedType? EnumFor(Type clr, string where)
    {
        if (_outputByClr.TryGetValue(clr, out var list) && list.OfType<EnumType>().FirstOrDefault() is { } known) return known;
        // An enum used but never registered is added with its CLR name.
        var config = EnumConfigs.FromClr(clr, clr.Name, options.EnumValueNaming);
        var type = Create(config);
        if (!Register(type, explicitly: false))
        {
            _problems.Add(SchemaErrors.CannotInfer(clr.Name, where, input: false));
            return null;
        }
        _outputByClr[clr] = [type];
        _inputByClr[clr] = [type];
        Fill(config, type);
        return type;
    }

    private NamedType? Bound(Type clr, bool input, string where)
    {
        var map = input ? _inputByClr : _outputByClr;
        if (!map.TryGetValue(clr, out var candidates) || candidates.Count == 0)
        {
            _problems.Add(SchemaErrors.CannotInfer(clr.Name, where, input));
            return null;
        }
        if (candidates.Count > 1)
        {
            _problems.Add(SchemaErrors.AmbiguousClrType(clr.Name, candidates[0].Name, candidates[1].Name, where));
            return null;
        }
        return candidates[0];
    }

    /// <summary>The element type of an array or IEnumerable&lt;T&gt; (strings and dictionaries are not lists).</summary>
    private static (Type Type, NullabilityInfo? Info)? ListElement(Type clr, NullabilityInfo? info)
    {
        if (clr == typeof(string)) return null;
        if (clr.IsArray) return (clr.GetElementType()!, info?.ElementType);
        if (clr.GetInterfaces().Append(clr).Any(i => i.IsGenericType &&
                (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))))
            return null;
        var enumerable = clr.IsGenericType && clr.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? clr
            : clr.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        if (enumerable is null) return null;
        var element = enumerable.GetGenericArguments()[0];
        // List<string?>: the annotation of the declared type's single generic argument is the element's.
        var elementInfo = clr.IsGenericType && clr.GetGenericArguments() is [var only] && only == element &&
                          info is { GenericTypeArguments.Length: 1 }
            ? info.GenericTypeArguments[0]
            : null;
        return (element, elementInfo);
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}

/// <summary>Builds enum configurations from CLR enums (shared by AddEnumType and inference).</summary>
internal static class EnumConfigs
{
    public static TypeConfig FromClr(Type enumType, string name, Func<string, string> naming)
    {
        var config = new TypeConfig(ConfigKind.Enum, name, enumType);
        foreach (var field in enumType.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = field.GetValue(null)!;
            if (!config.EnumValues.Exists(v => Equals(v.Value, value)))
                config.EnumValues.Add(new EnumValueConfig(naming(field.Name), value));
        }
        return config;
    }
}
