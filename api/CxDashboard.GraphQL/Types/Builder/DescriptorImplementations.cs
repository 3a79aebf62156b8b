using System.Linq.Expressions;
using System.Reflection;
using CxDashboard.GraphQL.Execution;

namespace CxDashboard.GraphQL.Types;

internal sealed class ObjectTypeDescriptor<T>(TypeConfig config) : IObjectTypeDescriptor<T>, IObjectTypeDescriptor
{
    public IObjectTypeDescriptor<T> Name(string name) { config.Name = name; return this; }
    public IObjectTypeDescriptor<T> Description(string? description) { config.Description = description; return this; }
    public IObjectTypeDescriptor<T> Implements(string interfaceName) { config.Interfaces.Add(interfaceName); return this; }
    public IObjectTypeDescriptor<T> IsTypeOf(Func<object, bool> predicate) { config.IsTypeOf = predicate; return this; }
    public IObjectTypeDescriptor<T> Metadata(string key, object? value) { config.Metadata[key] = value; return this; }

    public IObjectFieldDescriptor Field(string name)
    {
        var field = config.GetOrAddField(name, null);
        // Field("code") on a CLR-backed type infers from a public property of that name when no type is given.
        if (field.Type is null && typeof(T) != typeof(object) &&
            typeof(T).GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { } p)
            field.Type = MemberBinding.InferType(p);
        return new ObjectFieldDescriptor(field, config);
    }

    public IObjectFieldDescriptor Field<TValue>(Expression<Func<T, TValue>> member)
    {
        MemberInfo info;
        try { info = MemberBinding.GetMember(member); }
        catch (ArgumentException e)
        {
            config.Problems.Add($"Type {config.Name}: {e.Message}");
            return new ObjectFieldDescriptor(new FieldConfig("__invalid"), config);
        }
        var field = config.GetOrAddField(MemberBinding.CamelCase(info.Name), info);
        // x => (double)x.Weight: the field is typed and read as the conversion says; x => x.Name: as the member is.
        var converted = MemberBinding.IsConversion(member, info);
        field.Type ??= converted ? TypeReference.FromClr(typeof(TValue), null) : MemberBinding.InferType(info);
        if (field.Resolver is null)
        {
            if (!converted && MemberBinding.IsAsync(info)) field.Resolver = MemberBinding.CreateResolver(info, typeof(T));
            else
            {
                // A synchronous read of the parent: the executor's fast path (no resolve context), as ResolveFromParent.
                var read = member.Compile();
                new ObjectFieldDescriptor(field, config).ResolveFromParent<T>(p => read(p));
            }
        }
        return new ObjectFieldDescriptor(field, config);
    }

    public IObjectTypeDescriptor<T> Ignore<TValue>(Expression<Func<T, TValue>> member)
    {
        try
        {
            var info = MemberBinding.GetMember(member);
            config.Fields.RemoveAll(f => f.Member == info);
        }
        catch (ArgumentException e) { config.Problems.Add($"Type {config.Name}: {e.Message}"); }
        return this;
    }

    IObjectTypeDescriptor IObjectTypeDescriptor.Name(string name) { Name(name); return this; }
    IObjectTypeDescriptor IObjectTypeDescriptor.Description(string? description) { Description(description); return this; }
    IObjectTypeDescriptor IObjectTypeDescriptor.Implements(string interfaceName) { Implements(interfaceName); return this; }
    IObjectTypeDescriptor IObjectTypeDescriptor.IsTypeOf(Func<object, bool> predicate) { IsTypeOf(predicate); return this; }
    IObjectTypeDescriptor IObjectTypeDescriptor.Metadata(string key, object? value) { Metadata(key, value); return this; }
}

internal sealed class ObjectFieldDescriptor(FieldConfig field, TypeConfig owner) : IObjectFieldDescriptor
{
    public IObjectFieldDescriptor Name(string name) { field.Name = name; return this; }
    public IObjectFieldDescriptor Type(string typeReference) { field.Type = TypeReference.Parse(typeReference); return this; }
    public IObjectFieldDescriptor Type(GraphQLType type) { field.Type = TypeReference.From(type); return this; }
    public IObjectFieldDescriptor Description(string? description) { field.Description = description; return this; }
    public IObjectFieldDescriptor Deprecated(string? reason = null) { field.DeprecationReason = reason ?? BuiltInDirectives.DefaultDeprecationReason; return this; }
    public IObjectFieldDescriptor Metadata(string key, object? value) { field.Metadata[key] = value; return this; }

    public IObjectFieldDescriptor Argument(string name, string typeReference, Action<IArgumentDescriptor>? configure = null)
    {
        ArgumentDescriptor.Add(field.Arguments, name, typeReference, configure, owner, field.Name);
        return this;
    }

    public IObjectFieldDescriptor Arguments<TArgs>()
    {
        var parameters = typeof(TArgs).GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()?.GetParameters();
        if (parameters is null)
        {
            owner.Problems.Add($"Field \"{owner.Name}.{field.Name}\": {typeof(TArgs).Name} has no public constructor to read arguments into.");
            return this;
        }
        foreach (var p in parameters)
        {
            var name = MemberBinding.CamelCase(p.Name!);
            if (field.Arguments.Exists(a => a.Name == name))
            {
                owner.Problems.Add($"Argument \"{owner.Name}.{field.Name}({name}:)\" can only be defined once.");
                continue;
            }
            var argument = new InputValueConfig(name)
            {
                Type = p.GetCustomAttribute<GraphQLTypeAttribute>() is { } declared ? TypeReference.Parse(declared.TypeReference) : MemberBinding.InferType(p),
                Description = p.GetCustomAttribute<System.ComponentModel.DescriptionAttribute>()?.Description,
            };
            if (p.HasDefaultValue && p.DefaultValue is not null)
            {
                argument.HasDefault = true;
                // An enum parameter's default comes back as its underlying number.
                var enumType = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
                argument.Default = enumType.IsEnum && !enumType.IsInstanceOfType(p.DefaultValue) ? Enum.ToObject(enumType, p.DefaultValue) : p.DefaultValue;
            }
            field.Arguments.Add(argument);
        }
        return this;
    }

    public IObjectFieldDescriptor Resolve(FieldResolver resolver) { field.Resolver = resolver; field.ParentResolver = null; return this; }

    public IObjectFieldDescriptor ResolveFromParent<TParent>(Func<TParent, object?> read)
    {
        field.ParentResolver = parent => parent is TParent p
            ? read(p)
            : throw new InvalidCastException($"The parent of field {owner.Name}.{field.Name} is {parent?.GetType().Name ?? "null"}, not {typeof(TParent).Name}.");
        var fromParent = field.ParentResolver;
        field.Resolver = ctx => new ValueTask<object?>(fromParent(ctx.Parent));
        return this;
    }

    public IObjectFieldDescriptor Resolve(Func<IResolveContext, object?> resolver)
    {
        field.Resolver = ctx => new ValueTask<object?>(resolver(ctx));
        field.ParentResolver = null;
        return this;
    }

    public IObjectFieldDescriptor Resolve<TResult>(Func<IResolveContext, Task<TResult>> resolver)
    {
        field.ParentResolver = null;
        field.Resolver = async ctx => await resolver(ctx).ConfigureAwait(false);
        return this;
    }

    public IObjectFieldDescriptor Resolve<TResult>(Func<IResolveContext, ValueTask<TResult>> resolver)
    {
        field.ParentResolver = null;
        field.Resolver = async ctx => await resolver(ctx).ConfigureAwait(false);
        return this;
    }
}

internal sealed class InterfaceTypeDescriptor(TypeConfig config) : IInterfaceTypeDescriptor
{
    public IInterfaceTypeDescriptor Name(string name) { config.Name = name; return this; }
    public IInterfaceTypeDescriptor Description(string? description) { config.Description = description; return this; }
    public IInterfaceTypeDescriptor Implements(string interfaceName) { config.Interfaces.Add(interfaceName); return this; }
    public IInterfaceTypeDescriptor ResolveType(Func<object, string?> typeName) { config.ResolveTypeName = typeName; return this; }
    public IInterfaceTypeDescriptor Metadata(string key, object? value) { config.Metadata[key] = value; return this; }
    public IInterfaceFieldDescriptor Field(string name) => new InterfaceFieldDescriptor(config.GetOrAddField(name, null), config);
}

internal sealed class InterfaceFieldDescriptor(FieldConfig field, TypeConfig owner) : IInterfaceFieldDescriptor
{
    public IInterfaceFieldDescriptor Name(string name) { field.Name = name; return this; }
    public IInterfaceFieldDescriptor Type(string typeReference) { field.Type = TypeReference.Parse(typeReference); return this; }
    public IInterfaceFieldDescriptor Type(GraphQLType type) { field.Type = TypeReference.From(type); return this; }
    public IInterfaceFieldDescriptor Description(string? description) { field.Description = description; return this; }
    public IInterfaceFieldDescriptor Deprecated(string? reason = null) { field.DeprecationReason = reason ?? BuiltInDirectives.DefaultDeprecationReason; return this; }
    public IInterfaceFieldDescriptor Metadata(string key, object? value) { field.Metadata[key] = value; return this; }

    public IInterfaceFieldDescriptor Argument(string name, string typeReference, Action<IArgumentDescriptor>? configure = null)
    {
        ArgumentDescriptor.Add(field.Arguments, name, typeReference, configure, owner, field.Name);
        return this;
    }
}

internal sealed class ArgumentDescriptor(InputValueConfig argument) : IArgumentDescriptor
{
    public IArgumentDescriptor DefaultValue(object? value) { argument.HasDefault = true; argument.Default = value; return this; }
    public IArgumentDescriptor Description(string? description) { argument.Description = description; return this; }
    public IArgumentDescriptor Deprecated(string? reason = null) { argument.DeprecationReason = reason ?? BuiltInDirectives.DefaultDeprecationReason; return this; }

    public static void Add(List<InputValueConfig> arguments, string name, string typeReference,
        Action<IArgumentDescriptor>? configure, TypeConfig owner, string fieldName)
    {
        if (arguments.Exists(a => a.Name == name))
            owner.Problems.Add($"Argument \"{owner.Name}.{fieldName}({name}:)\" can only be defined once.");
        var argument = new InputValueConfig(name) { Type = TypeReference.Parse(typeReference) };
        arguments.Add(argument);
        configure?.Invoke(new ArgumentDescriptor(argument));
    }
}

internal sealed class UnionTypeDescriptor(TypeConfig config) : IUnionTypeDescriptor
{
    public IUnionTypeDescriptor Name(string name) { config.Name = name; return this; }
    public IUnionTypeDescriptor Description(string? description) { config.Description = description; return this; }
    public IUnionTypeDescriptor Type(string objectTypeName) { config.UnionMembers.Add(objectTypeName); return this; }
    public IUnionTypeDescriptor ResolveType(Func<object, string?> typeName) { config.ResolveTypeName = typeName; return this; }
}

internal sealed class InputObjectTypeDescriptor<T>(TypeConfig config) : IInputObjectTypeDescriptor<T>
{
    public IInputObjectTypeDescriptor<T> Name(string name) { config.Name = name; return this; }
    public IInputObjectTypeDescriptor<T> Description(string? description) { config.Description = description; return this; }

    public IInputObjectTypeDescriptor<T> Create(Func<IReadOnlyDictionary<string, object?>, T> create)
    {
        config.Create = map => create(map);
        return this;
    }

    public IInputFieldDescriptor Field(string name)
    {
        var member = typeof(T) == typeof(object) ? null
            : typeof(T).GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        var field = config.GetOrAddInputField(name, member);
        if (field.Type is null && member is not null) field.Type = MemberBinding.InferType(member);
        return new InputFieldDescriptor(field);
    }

    public IInputFieldDescriptor Field<TValue>(Expression<Func<T, TValue>> member)
    {
        MemberInfo info;
        try { info = MemberBinding.GetMember(member); }
        catch (ArgumentException e)
        {
            config.Problems.Add($"Input type {config.Name}: {e.Message}");
            return new InputFieldDescriptor(new InputValueConfig("__invalid"));
        }
        var field = config.GetOrAddInputField(MemberBinding.CamelCase(info.Name), info);
        field.Type ??= MemberBinding.InferType(info);
        return new InputFieldDescriptor(field);
    }

    public IInputObjectTypeDescriptor<T> Ignore<TValue>(Expression<Func<T, TValue>> member)
    {
        try
        {
            var info = MemberBinding.GetMember(member);
            config.InputFields.RemoveAll(f => f.Member == info);
        }
        catch (ArgumentException e) { config.Problems.Add($"Input type {config.Name}: {e.Message}"); }
        return this;
    }
}

internal sealed class InputFieldDescriptor(InputValueConfig field) : IInputFieldDescriptor
{
    public IInputFieldDescriptor Name(string name) { field.Name = name; return this; }
    public IInputFieldDescriptor Type(string typeReference) { field.Type = TypeReference.Parse(typeReference); return this; }
    public IInputFieldDescriptor Type(GraphQLType type) { field.Type = TypeReference.From(type); return this; }
    public IInputFieldDescriptor DefaultValue(object? value) { field.HasDefault = true; field.Default = value; return this; }
    public IInputFieldDescriptor Description(string? description) { field.Description = description; return this; }
    public IInputFieldDescriptor Deprecated(string? reason = null) { field.DeprecationReason = reason ?? BuiltInDirectives.DefaultDeprecationReason; return this; }
}

internal sealed class EnumTypeDescriptor<TEnum>(TypeConfig config) : IEnumTypeDescriptor<TEnum> where TEnum : struct, Enum
{
    public IEnumTypeDescriptor<TEnum> Name(string name) { config.Name = name; return this; }
    public IEnumTypeDescriptor<TEnum> Description(string? description) { config.Description = description; return this; }
    public IEnumValueDescriptor Value(TEnum value) => new EnumValueDescriptor(Find(value));
    public IEnumTypeDescriptor<TEnum> Ignore(TEnum value) { Find(value).Ignored = true; return this; }

    private EnumValueConfig Find(TEnum value) => config.EnumValues.Find(v => Equals(v.Value, value))
        ?? throw new ArgumentException($"{value} is not a named member of {typeof(TEnum).Name}.");
}

internal sealed class EnumValueDescriptor(EnumValueConfig value) : IEnumValueDescriptor
{
    public IEnumValueDescriptor Name(string name) { value.Name = name; return this; }
    public IEnumValueDescriptor Description(string? description) { value.Description = description; return this; }
    public IEnumValueDescriptor Deprecated(string? reason = null) { value.DeprecationReason = reason ?? BuiltInDirectives.DefaultDeprecationReason; return this; }
}
