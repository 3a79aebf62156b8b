using System.Linq.Expressions;
using System.Reflection;

namespace CxDashboard.GraphQL.Types;

/// <summary>Turns <c>x =&gt; x.Prop</c> expressions into a member, a field name, a type reference and a resolver.</summary>
internal static class MemberBinding
{
    // NullabilityInfoContext caches per instance and is not thread-safe; builds are rare, so lock.
    private static readonly NullabilityInfoContext Nullability = new();

    public static MemberInfo GetMember(LambdaExpression expression)
    {
        var body = expression.Body;
        while (body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } u) body = u.Operand;
        return body switch
        {
            MemberExpression { Member: PropertyInfo or FieldInfo } m when m.Expression is ParameterExpression => m.Member,
            MethodCallExpression { Object: ParameterExpression, Arguments.Count: 0 } c => c.Method,
            _ => throw new ArgumentException(
                $"Expression \"{expression}\" must select a property, field or parameterless method of the parameter (x => x.Name)."),
        };
    }

    /// <summary>Whether <paramref name="expression"/> converts the member's value (<c>x =&gt; (double)x.Weight</c>) rather than reading it as is.</summary>
    public static bool IsConversion(LambdaExpression expression, MemberInfo member) =>
        expression.Body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } u &&
        u.Type != typeof(object) && u.Type != ValueType(member);

    /// <summary>Members returning Task&lt;T&gt; or ValueTask&lt;T&gt; are awaited by a full resolver.</summary>
    public static bool IsAsync(MemberInfo member) => UnwrapTask(member switch
    {
        PropertyInfo p => p.PropertyType,
        FieldInfo f => f.FieldType,
        MethodInfo m => m.ReturnType,
        _ => typeof(void),
    }) is not null;

    /// <summary>GraphQL names fields in camelCase: <c>OrgUnitId</c> becomes <c>orgUnitId</c>, <c>NPS</c> becomes <c>nps</c>.</summary>
    public static string CamelCase(string name)
    {
        if (name.Length == 0 || char.IsLower(name[0])) return name;
        var upper = 0;
        while (upper < name.Length && char.IsUpper(name[upper])) upper++;
        // "NPSScore" -> "npsScore": keep the last capital of a run when a lower-case letter follows it.
        var cut = upper == name.Length ? upper : Math.Max(1, upper - 1);
        return name[..cut].ToLowerInvariant() + name[cut..];
    }

    /// <summary>The member's value type (Task&lt;T&gt; / ValueTask&lt;T&gt; unwrapped) with its nullable annotation.</summary>
    public static TypeReference InferType(MemberInfo member)
    {
        NullabilityInfo info;
        lock (Nullability)
        {
            info = member switch
            {
                PropertyInfo p => Nullability.Create(p),
                FieldInfo f => Nullability.Create(f),
                MethodInfo m => Nullability.Create(m.ReturnParameter),
                _ => throw new ArgumentException($"Unsupported member {member.Name}."),
            };
        }
        var type = ValueType(member);
        if (type != info.Type && info.GenericTypeArguments.Length == 1) info = info.GenericTypeArguments[0];
        return TypeReference.FromClr(type, info);
    }

    /// <summary>A constructor parameter's type with its nullable annotation (arguments read into records).</summary>
    public static TypeReference InferType(ParameterInfo parameter)
    {
        NullabilityInfo info;
        lock (Nullability) info = Nullability.Create(parameter);
        return TypeReference.FromClr(parameter.ParameterType, info);
    }

    public static Type ValueType(MemberInfo member)
    {
        var type = member switch
        {
            PropertyInfo p => p.PropertyType,
            FieldInfo f => f.FieldType,
            MethodInfo m => m.ReturnType,
            _ => throw new ArgumentException($"Unsupported member {member.Name}."),
        };
        return UnwrapTask(type) ?? type;
    }

    private static Type? UnwrapTask(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? type.GetGenericArguments()[0]
            : null;

    /// <summary>A resolver reading the member from the parent value (awaiting Task / ValueTask results).</summary>
    public static FieldResolver CreateResolver(MemberInfo member, Type parentType)
    {
        var parent = Expression.Parameter(typeof(object), "parent");
        var typed = Expression.Convert(parent, parentType);
        Expression access = member switch
        {
            PropertyInfo or FieldInfo => Expression.MakeMemberAccess(typed, member),
            MethodInfo m => Expression.Call(typed, m),
            _ => throw new ArgumentException($"Unsupported member {member.Name}."),
        };
        var rawType = access.Type;
        var getter = Expression.Lambda<Func<object, object?>>(Expression.Convert(access, typeof(object)), parent).Compile();
        var name = member.Name;

        if (UnwrapTask(rawType) is not null)
        {
            var isValueTask = rawType.GetGenericTypeDefinition() == typeof(ValueTask<>);
            var asTask = isValueTask ? rawType.GetMethod(nameof(ValueTask<int>.AsTask))! : null;
            return async ctx =>
            {
                var result = getter(ParentOf(ctx.Parent, name));
                var task = (Task)(asTask is null ? result! : asTask.Invoke(result, null)!);
                await task.ConfigureAwait(false);
                return task.GetType().GetProperty(nameof(Task<int>.Result))!.GetValue(task);
            };
        }
        return ctx => new ValueTask<object?>(getter(ParentOf(ctx.Parent, name)));
    }

    private static object ParentOf(object? parent, string member) =>
        parent ?? throw new InvalidOperationException($"Cannot read {member} of a null parent value.");
}
