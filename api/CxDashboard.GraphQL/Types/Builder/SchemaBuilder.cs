namespace CxDashboard.GraphQL.Types;

/// <summary>
/// Code-first schema construction: register type definitions, then <see cref="Build"/> creates the
/// type objects, resolves type references by name, and validates the whole schema, throwing one
/// <see cref="SchemaException"/> that lists every problem found.
/// </summary>
public sealed class SchemaBuilder
{
    // Definitions and ready-made types in registration order (the printed SDL follows it).
    private readonly List<object> _registrations = [];
    private readonly HashSet<Type> _definitionTypes = [];
    private readonly List<DirectiveDefinition> _directives = [];
    private readonly List<TypeExtension> _extensions = [];
    private readonly SchemaOptions _options = new();
    private TypeDefinition? _query, _mutation, _subscription;

    public static SchemaBuilder New() => new();

    public SchemaBuilder AddQueryType<T>() where T : TypeDefinition, new() => AddQueryType(Single<T>());
    public SchemaBuilder AddQueryType(TypeDefinition definition) { _query = Add(definition); return this; }
    public SchemaBuilder AddMutationType<T>() where T : TypeDefinition, new() => AddMutationType(Single<T>());
    public SchemaBuilder AddMutationType(TypeDefinition definition) { _mutation = Add(definition); return this; }
    public SchemaBuilder AddSubscriptionType<T>() where T : TypeDefinition, new() => AddSubscriptionType(Single<T>());
    public SchemaBuilder AddSubscriptionType(TypeDefinition definition) { _subscription = Add(definition); return this; }

    /// <summary>Registers a definition; registering the same definition class twice keeps the first.</summary>
    public SchemaBuilder AddType<T>() where T : TypeDefinition, new()
    {
        if (!_definitionTypes.Contains(typeof(T))) Add(Single<T>());
        return this;
    }

    /// <summary>Registers a configured definition instance (for definitions that take constructor arguments).</summary>
    public SchemaBuilder AddType(TypeDefinition definition) { Add(definition); return this; }

    /// <summary>Registers a ready low-level type (for types built by hand or from SDL).</summary>
    public SchemaBuilder AddType(NamedType type) { _registrations.Add(type); return this; }

    /// <summary>Registers a CLR enum as a GraphQL enum (value names SCREAMING_CASE unless configured).</summary>
    public SchemaBuilder AddEnumType<TEnum>(string? name = null, Action<IEnumTypeDescriptor<TEnum>>? configure = null)
        where TEnum : struct, Enum
    {
        _registrations.Add(new EnumTypeDefinition<TEnum>(name, configure, n => _options.EnumValueNaming(n)));
        return this;
    }

    /// <summary>
    /// Adds fields to an object type registered elsewhere (as SDL's <c>extend type</c>): a feature can give
    /// another feature's type its own fields without that type knowing the feature. Applied at Build(),
    /// after every type is configured; an unknown type name or a CLR type other than the extended type's is a problem.
    /// </summary>
    public SchemaBuilder ExtendObjectType<T>(string name, Action<IObjectTypeDescriptor<T>> configure)
    {
        _extensions.Add(new TypeExtension(name, typeof(T), config => configure(new ObjectTypeDescriptor<T>(config))));
        return this;
    }

    public SchemaBuilder AddScalar(ScalarType scalar) { _registrations.Add(scalar); return this; }

    /// <summary>Adds a custom directive definition (the four built-in directives are always present).</summary>
    public SchemaBuilder AddDirective(DirectiveDefinition directive) { _directives.Add(directive); return this; }

    public SchemaBuilder ModifyOptions(Action<SchemaOptions> configure) { configure(_options); return this; }

    /// <summary>Builds and validates the schema; throws <see cref="SchemaException"/> listing every problem.</summary>
    public Schema Build() =>
        new SchemaAssembler(_registrations, _directives, _options, _query, _mutation, _subscription, _extensions).Assemble();

    private TypeDefinition Add(TypeDefinition definition)
    {
        if (!_registrations.Contains(definition))
        {
            _registrations.Add(definition);
            _definitionTypes.Add(definition.GetType());
        }
        return definition;
    }

    private TypeDefinition Single<T>() where T : TypeDefinition, new() =>
        _registrations.OfType<T>().FirstOrDefault(d => d.GetType() == typeof(T)) ?? new T();
}

/// <summary>Fields added to a named object type by <see cref="SchemaBuilder.ExtendObjectType{T}"/>.</summary>
internal sealed record TypeExtension(string TypeName, Type ClrType, Action<TypeConfig> Configure);
