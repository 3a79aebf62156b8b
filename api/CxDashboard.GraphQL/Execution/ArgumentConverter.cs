using System.Collections;
using System.Globalization;

namespace CxDashboard.GraphQL.Execution;

/// <summary>
/// Converts a coerced input value (int, double, string, bool, enum CLR value, List&lt;object?&gt;,
/// IReadOnlyDictionary&lt;string, object?&gt; or an input object's CLR value) to the type a resolver asks for.
/// </summary>
internal static class ArgumentConverter
{
    public static T? Convert<T>(object? value, string name)
    {
        try
        {
            return (T?)Convert(value, typeof(T));
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException or ArgumentException)
        {
            throw new InvalidCastException($"Argument \"{name}\" ({value?.GetType().Name ?? "null"}) cannot be converted to {typeof(T).Name}: {e.Message}", e);
        }
    }

    public static object? Convert(object? value, Type target)
    {
        if (value is null) return null;
        if (target.IsInstanceOfType(value)) return value;

        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (underlying.IsEnum)
            return value is string s ? Enum.Parse(underlying, s, ignoreCase: true) : Enum.ToObject(underlying, value);
        if (underlying == typeof(Guid) && value is string g) return Guid.Parse(g);
        if (underlying == typeof(DateOnly) && value is string dateText) return DateOnly.Parse(dateText, CultureInfo.InvariantCulture);
        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(underlying))
            return System.Convert.ChangeType(value, underlying, CultureInfo.InvariantCulture);

        if (value is IReadOnlyDictionary<string, object?> map)
        {
            if (target.IsAssignableFrom(typeof(Dictionary<string, object?>)))
                return new Dictionary<string, object?>(map);
            throw new InvalidCastException($"An input object map cannot be converted to {target.Name}; give the input type a Create function.");
        }

        if (value is IEnumerable items and not string && ElementType(target) is { } element)
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            foreach (var item in items) list.Add(Convert(item, element));
            if (target.IsArray)
            {
                var array = Array.CreateInstance(element, list.Count);
                list.CopyTo(array, 0);
                return array;
            }
            return list;
        }

        throw new InvalidCastException($"{value.GetType().Name} is not a {target.Name}.");
    }

    /// <summary>The element type of T[], List&lt;T&gt;, IReadOnlyList&lt;T&gt;, IEnumerable&lt;T&gt;, … when a List&lt;T&gt; fits.</summary>
    private static Type? ElementType(Type target)
    {
        if (target.IsArray) return target.GetElementType();
        if (!target.IsGenericType) return null;
        var element = target.GetGenericArguments()[0];
        return target.IsAssignableFrom(typeof(List<>).MakeGenericType(element)) ? element : null;
    }
}
