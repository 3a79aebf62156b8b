using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace CxDashboard.GraphQL.Execution;

/// <summary>
/// The resolver of fields without one: the parent's dictionary entry, else its public property
/// (name matched case-insensitively), else its public parameterless method; null when none exists.
/// "A common example … is to simply return the value of a property of the object."
/// https://spec.graphql.org/October2021/#ResolveFieldValue()
/// </summary>
internal static class DefaultFieldResolver
{
    private static readonly ConcurrentDictionary<(Type, string), Func<object, object?>?> Accessors = new();

    public static object? Resolve(object? parent, string fieldName)
    {
        switch (parent)
        {
            case null:
                return null;
            case IReadOnlyDictionary<string, object?> map:
                return map.TryGetValue(fieldName, out var v) ? v : null;
            case IDictionary dict:
                return dict.Contains(fieldName) ? dict[fieldName] : null;
        }
        var accessor = Accessors.GetOrAdd((parent.GetType(), fieldName), static k => Find(k.Item1, k.Item2));
        return accessor?.Invoke(parent);
    }

    private static Func<object, object?>? Find(Type type, string name)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase;
        var property = type.GetProperties(flags)
            .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Name == name ? 0 : 1)
            .FirstOrDefault();
        if (property is not null) return o => property.GetValue(o);

        var method = type.GetMethods(flags)
            .Where(m => m.GetParameters().Length == 0 && !m.IsGenericMethodDefinition && m.ReturnType != typeof(void)
                        && string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
            .OrderBy(m => m.Name == name ? 0 : 1)
            .FirstOrDefault();
        return method is null ? null : o => Invoke(method, o);
    }

    private static object? Invoke(MethodInfo method, object target)
    {
        try
        {
            return method.Invoke(target, null);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            // the method's own exception becomes the field error, not the reflection wrapper
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
