using System.Linq.Expressions;
using CxDashboard.GraphQL.Execution;

namespace CxDashboard.GraphQL.Types;

// The fluent descriptors handed to the Configure methods of the type definitions. Each descriptor only
// records configuration; SchemaBuilder.Build() turns it into the Types/* objects and validates the result.

/// <summary>Configures an object type that has no CLR parent (a root type, or a type of dictionaries).</summary>
public interface IObjectTypeDescriptor
{
    IObjectTypeDescriptor Name(string name);
    IObjectTypeDescriptor Description(string? description);

    /// <summary>Declares an implemented interface by its GraphQL name.</summary>
    IObjectTypeDescriptor Implements(string interfaceName);

    /// <summary>Declares (or returns the already declared) field of that name.</summary>
    IObjectFieldDescriptor Field(string name);

    /// <summary>Used when a value of an interface or union must be matched to this type.</summary>
    IObjectTypeDescriptor IsTypeOf(Func<object, bool> predicate);

    IObjectTypeDescriptor Metadata(string key, object? value);
}

/// <summary>Configures an object type whose values are <typeparamref name="T"/>.</summary>
public interface IObjectTypeDescriptor<T>
{
    IObjectTypeDescriptor<T> Name(string name);
    IObjectTypeDescriptor<T> Description(string? description);
    IObjectTypeDescriptor<T> Implements(string interfaceName);
    IObjectFieldDescriptor Field(string name);

    /// <summary>
    /// Exposes a property, field or parameterless method of <typeparamref name="T"/>: the name is the member
    /// name in camelCase and the type is inferred from the CLR type and its nullable annotation.
    /// </summary>
    IObjectFieldDescriptor Field<TValue>(Expression<Func<T, TValue>> member);

    /// <summary>Removes a member declared earlier; members never declared are not exposed anyway.</summary>
    IObjectTypeDescriptor<T> Ignore<TValue>(Expression<Func<T, TValue>> member);

    IObjectTypeDescriptor<T> IsTypeOf(Func<object, bool> predicate);
    IObjectTypeDescriptor<T> Metadata(string key, object? value);
}

/// <summary>Configures one field of an object type.</summary>
public interface IObjectFieldDescriptor
{
    IObjectFieldDescriptor Name(string name);

    /// <summary>The field's type in SDL syntax, e.g. <c>[OrgUnit!]!</c>; names are resolved at Build().</summary>
    IObjectFieldDescriptor Type(string typeReference);

    IObjectFieldDescriptor Type(GraphQLType type);
    IObjectFieldDescriptor Argument(string name, string typeReference, Action<IArgumentDescriptor>? configure = null);

    /// <summary>
    /// Declares one argument per parameter of <typeparamref name="TArgs"/>'s widest public constructor (a positional
    /// record): the name in camelCase, the type inferred from the parameter's type and nullable annotation, its default
    /// value (a null default only makes the argument optional), its <see cref="System.ComponentModel.DescriptionAttribute"/>.
    /// The resolver reads them back with <c>ctx.ArgumentsAs&lt;TArgs&gt;()</c>, so each argument is named once.
    /// </summary>
    IObjectFieldDescriptor Arguments<TArgs>();

    IObjectFieldDescriptor Description(string? description);

    /// <summary>Marks the field deprecated; a null reason prints as plain <c>@deprecated</c>.</summary>
    IObjectFieldDescriptor Deprecated(string? reason = null);

    IObjectFieldDescriptor Metadata(string key, object? value);

    IObjectFieldDescriptor Resolve(FieldResolver resolver);
    IObjectFieldDescriptor Resolve(Func<IResolveContext, object?> resolver);
    // An async lambda converts to both Task- and ValueTask-returning delegates; prefer Task for those.
    [System.Runtime.CompilerServices.OverloadResolutionPriority(1)]
    IObjectFieldDescriptor Resolve<TResult>(Func<IResolveContext, Task<TResult>> resolver);
    IObjectFieldDescriptor Resolve<TResult>(Func<IResolveContext, ValueTask<TResult>> resolver);

    /// <summary>
    /// A field whose value is read from the parent value alone, synchronously (a property, a conversion). The executor
    /// calls it without a resolve context; a parent that is not a <typeparamref name="TParent"/> is a field error.
    /// </summary>
    IObjectFieldDescriptor ResolveFromParent<TParent>(Func<TParent, object?> read);
}

/// <summary>Configures an interface type.</summary>
public interface IInterfaceTypeDescriptor
{
    IInterfaceTypeDescriptor Name(string name);
    IInterfaceTypeDescriptor Description(string? description);

    /// <summary>An interface implementing another interface (spec 2021).</summary>
    IInterfaceTypeDescriptor Implements(string interfaceName);

    IInterfaceFieldDescriptor Field(string name);

    /// <summary>Names the object type of a value; without it each candidate's IsTypeOf decides.</summary>
    IInterfaceTypeDescriptor ResolveType(Func<object, string?> typeName);

    IInterfaceTypeDescriptor Metadata(string key, object? value);
}

/// <summary>Configures one field of an interface (no resolver: the implementing object's field resolves).</summary>
public interface IInterfaceFieldDescriptor
{
    IInterfaceFieldDescriptor Name(string name);
    IInterfaceFieldDescriptor Type(string typeReference);
    IInterfaceFieldDescriptor Type(GraphQLType type);
    IInterfaceFieldDescriptor Argument(string name, string typeReference, Action<IArgumentDescriptor>? configure = null);
    IInterfaceFieldDescriptor Description(string? description);
    IInterfaceFieldDescriptor Deprecated(string? reason = null);
    IInterfaceFieldDescriptor Metadata(string key, object? value);
}

/// <summary>Configures an argument of a field.</summary>
public interface IArgumentDescriptor
{
    /// <summary>The default as a CLR value; converted to a literal of the argument's type at Build().</summary>
    IArgumentDescriptor DefaultValue(object? value);

    IArgumentDescriptor Description(string? description);
    IArgumentDescriptor Deprecated(string? reason = null);
}

/// <summary>Configures a union type.</summary>
public interface IUnionTypeDescriptor
{
    IUnionTypeDescriptor Name(string name);
    IUnionTypeDescriptor Description(string? description);

    /// <summary>Adds a member object type by its GraphQL name.</summary>
    IUnionTypeDescriptor Type(string objectTypeName);

    IUnionTypeDescriptor ResolveType(Func<object, string?> typeName);
}

/// <summary>Configures an input object type whose coerced values become <typeparamref name="T"/>.</summary>
public interface IInputObjectTypeDescriptor<T>
{
    IInputObjectTypeDescriptor<T> Name(string name);
    IInputObjectTypeDescriptor<T> Description(string? description);
    IInputFieldDescriptor Field(string name);

    /// <summary>Declares an input field from a settable property (or record constructor parameter) of T.</summary>
    IInputFieldDescriptor Field<TValue>(Expression<Func<T, TValue>> member);

    IInputObjectTypeDescriptor<T> Ignore<TValue>(Expression<Func<T, TValue>> member);

    /// <summary>Replaces the default construction (constructor parameters, then settable properties).</summary>
    IInputObjectTypeDescriptor<T> Create(Func<IReadOnlyDictionary<string, object?>, T> create);
}

/// <summary>Configures one input field.</summary>
public interface IInputFieldDescriptor
{
    IInputFieldDescriptor Name(string name);
    IInputFieldDescriptor Type(string typeReference);
    IInputFieldDescriptor Type(GraphQLType type);
    IInputFieldDescriptor DefaultValue(object? value);
    IInputFieldDescriptor Description(string? description);
    IInputFieldDescriptor Deprecated(string? reason = null);
}

/// <summary>Configures an enum type built from a CLR enum.</summary>
public interface IEnumTypeDescriptor<TEnum> where TEnum : struct, Enum
{
    IEnumTypeDescriptor<TEnum> Name(string name);
    IEnumTypeDescriptor<TEnum> Description(string? description);
    IEnumValueDescriptor Value(TEnum value);

    /// <summary>Leaves a CLR member out of the GraphQL enum.</summary>
    IEnumTypeDescriptor<TEnum> Ignore(TEnum value);
}

/// <summary>Configures one enum value.</summary>
public interface IEnumValueDescriptor
{
    IEnumValueDescriptor Name(string name);
    IEnumValueDescriptor Description(string? description);
    IEnumValueDescriptor Deprecated(string? reason = null);
}
