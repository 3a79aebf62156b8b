using System.Collections;
using System.Globalization;
using System.Reflection;

namespace CxDashboard.GraphQL.Types;

/// <summary>
/// Converts coerced input values (int, double, string, bool, enum CLR values, lists, input-object maps or
/// created objects) to the CLR type a resolver asks for. Used by <c>IResolveContext.Argument&lt;T&gt;</c>
/// implementations and by input-object construction.
/// </summary>
public static class ValueConverter
{
    public static T? Convert<T>(object? value) => (T?)Convert(value, typeof(T));

    public static object? Convert(object? value, Type target)
    {
        if (value is null)
            return target.IsValueType && Nullable.GetUnderlyingType(target) is null ? Activator.CreateInstance(target) : null;
        if (target.IsInstanceOfType(value)) return value;
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (underlying.IsInstanceOfType(value)) return value;

        try
        {
            if (underlying.IsEnum)
                return value is string s ? Enum.Parse(underlying, s, ignoreCase: true) : Enum.ToObject(underlying, value);
            if (underlying == typeof(Guid) && value is string g) return Guid.Parse(g);
            if (underlying == typeof(string) && value is IFormattable f) return f.ToString(null, CultureInfo.InvariantCulture);
            if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(underlying) && !underlying.IsEnum)
                return System.Convert.ChangeType(value, underlying, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw new InvalidCastException($"Cannot convert {BuiltInScalars.Show(value)} to {Describe(target)}: {e.Message}", e);
        }

        if (value is IEnumerable items and not string and not IDictionary && !IsMap(value) && ListElementType(target) is { } element)
        {
            var converted = items.Cast<object?>().Select(i => Convert(i, element)).ToList();
            if (target.IsArray)
            {
                var array = Array.CreateInstance(element, converted.Count);
                for (var i = 0; i < converted.Count; i++) array.SetValue(converted[i], i);
                return array;
            }
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            foreach (var item in converted) list.Add(item);
            if (target.IsInstanceOfType(list)) return list;
            if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(HashSet<>))
                return Activator.CreateInstance(target, list);
        }

        if (value is IReadOnlyDictionary<string, object?> map)
        {
            if (target.IsAssignableFrom(typeof(Dictionary<string, object?>))) return new Dictionary<string, object?>(map);
            if (!target.IsAbstract && !target.IsInterface && !target.IsPrimitive) return InputObjectFactory.Create(target, map, null);
        }

        throw new InvalidCastException($"Cannot convert {BuiltInScalars.Show(value)} ({value.GetType().Name}) to {Describe(target)}.");
    }

    private static bool IsMap(object value) => value is IReadOnlyDictionary<string, object?>;

    private static Type? ListElementType(Type target)
    {
        if (target.IsArray) return target.GetElementType();
        if (!target.IsGenericType || target.GetGenericArguments().Length != 1) return null;
        var definition = target.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>) ||
               definition == typeof(IEnumerable<>) || definition == typeof(ICollection<>) ||
               definition == typeof(IReadOnlyCollection<>) || definition == typeof(HashSet<>) || definition == typeof(ISet<>) ||
               definition == typeof(IReadOnlySet<>)
            ? target.GetGenericArguments()[0]
            : null;
    }

    private static string Describe(Type t) => Nullable.GetUnderlyingType(t) is { } u ? u.Name + "?" : t.Name;
}

/// <summary>
/// Creates CLR objects from coerced input-object maps: the constructor whose parameters all match fields
/// (records), then settable (or init-only) properties for the remaining fields. Absent fields keep defaults.
/// </summary>
internal static class InputObjectFactory
{
    public static Func<IReadOnlyDictionary<string, object?>, object?> For(Type clr, InputObjectType type) =>
        map => Create(clr, map, type);

    public static object Create(Type clr, IReadOnlyDictionary<string, object?> map, InputObjectType? type)
    {
        PropertyInfo? Member(string field) =>
            type?.GetField(field)?.Metadata.GetValueOrDefault("clrMember") as PropertyInfo
            ?? clr.GetProperty(field, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);

        var constructor = clr.GetConstructors()
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault(c => c.GetParameters().All(p =>
                p.HasDefaultValue || map.Keys.Any(k => string.Equals(k, p.Name, StringComparison.OrdinalIgnoreCase)) ||
                Nullable.GetUnderlyingType(p.ParameterType) is not null || !p.ParameterType.IsValueType))
            ?? throw new InvalidCastException($"{clr.Name} has no public constructor usable for input values.");

        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var args = constructor.GetParameters().Select(p =>
        {
            var key = map.Keys.FirstOrDefault(k => string.Equals(k, p.Name, StringComparison.OrdinalIgnoreCase));
            if (key is null) return p.HasDefaultValue ? p.DefaultValue : null;
            used.Add(key);
            return ValueConverter.Convert(map[key], p.ParameterType);
        }).ToArray();
        var instance = constructor.Invoke(args);

        foreach (var (key, value) in map)
        {
            if (used.Contains(key)) continue;
            var property = Member(key);
            if (property is null || !property.CanWrite) continue;
            property.SetValue(instance, ValueConverter.Convert(value, property.PropertyType));
        }
        return instance;
    }
}
