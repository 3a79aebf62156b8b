namespace CxDashboard.GraphQL.Types;

/// <summary>
/// Base of the code-first type definitions. A definition only records configuration (its Configure
/// method runs once, inside <see cref="SchemaBuilder.Build"/>); the schema's type objects are built from it.
/// </summary>
public abstract class TypeDefinition
{
    internal abstract TypeConfig CreateConfig();

    /// <summary>"QueryType" names the GraphQL type "Query"; a CLR-backed type uses the CLR type's name.</summary>
    internal string DefaultName(Type? clrType)
    {
        if (clrType is not null && clrType != typeof(object)) return clrType.Name;
        var name = GetType().Name;
        return name.Length > 4 && name.EndsWith("Type", StringComparison.Ordinal) ? name[..^4] : name;
    }
}

/// <summary>An object type with no CLR parent, e.g. the Query root: every field has its own resolver.</summary>
public abstract class ObjectTypeDefinition : TypeDefinition
{
    protected abstract void Configure(IObjectTypeDescriptor descriptor);

    internal override TypeConfig CreateConfig()
    {
        var config = new TypeConfig(ConfigKind.Object, DefaultName(null), null);
        Configure(new ObjectTypeDescriptor<object>(config));
        return config;
    }
}

/// <summary>An object type whose values are <typeparamref name="T"/>; its IsTypeOf is <c>v is T</c>.</summary>
public abstract class ObjectTypeDefinition<T> : TypeDefinition
{
    protected abstract void Configure(IObjectTypeDescriptor<T> descriptor);

    internal override TypeConfig CreateConfig()
    {
        var config = new TypeConfig(ConfigKind.Object, DefaultName(typeof(T)), typeof(T)) { IsTypeOf = v => v is T };
        Configure(new ObjectTypeDescriptor<T>(config));
        return config;
    }
}

/// <summary>An interface type.</summary>
public abstract class InterfaceTypeDefinition : TypeDefinition
{
    protected abstract void Configure(IInterfaceTypeDescriptor descriptor);

    internal override TypeConfig CreateConfig()
    {
        var config = new TypeConfig(ConfigKind.Interface, DefaultName(null), null);
        Configure(new InterfaceTypeDescriptor(config));
        return config;
    }
}

/// <summary>A union type.</summary>
public abstract class UnionTypeDefinition : TypeDefinition
{
    protected abstract void Configure(IUnionTypeDescriptor descriptor);

    internal override TypeConfig CreateConfig()
    {
        var config = new TypeConfig(ConfigKind.Union, DefaultName(null), null);
        Configure(new UnionTypeDescriptor(config));
        return config;
    }
}

/// <summary>
/// An input object type whose coerced values are turned into <typeparamref name="T"/> (constructor
/// parameters by name, then settable properties); use <c>object</c> to keep the coerced dictionary.
/// </summary>
public abstract class InputObjectTypeDefinition<T> : TypeDefinition
{
    protected abstract void Configure(IInputObjectTypeDescriptor<T> descriptor);

    internal override TypeConfig CreateConfig()
    {
        var clr = typeof(T) == typeof(object) ? null : typeof(T);
        var config = new TypeConfig(ConfigKind.InputObject, DefaultName(clr), clr);
        Configure(new InputObjectTypeDescriptor<T>(config));
        return config;
    }
}

/// <summary>An enum type from a CLR enum; value names are SCREAMING_CASE of the member names unless renamed.</summary>
internal sealed class EnumTypeDefinition<TEnum>(string? name, Action<IEnumTypeDescriptor<TEnum>>? configure, Func<string, string> naming)
    : TypeDefinition where TEnum : struct, Enum
{
    internal override TypeConfig CreateConfig()
    {
        var config = EnumConfigs.FromClr(typeof(TEnum), name ?? typeof(TEnum).Name, naming);
        configure?.Invoke(new EnumTypeDescriptor<TEnum>(config));
        return config;
    }
}
