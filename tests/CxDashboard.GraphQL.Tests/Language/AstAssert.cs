using System.Collections;
using System.Reflection;
using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Tests.Language;

/// <summary>Structural comparison of syntax trees, ignoring where nodes sit in the source.</summary>
internal static class AstAssert
{
    private static readonly HashSet<string> Positional = [nameof(Node.Location), nameof(Node.Start), nameof(Node.End), nameof(DocumentNode.Source)];

    public static void Equal(Node expected, Node actual)
    {
        var difference = Difference(expected, actual, "$");
        Assert.True(difference is null, difference);
    }

    private static string? Difference(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
            return expected is null && actual is null ? null : $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}";
        if (expected.GetType() != actual.GetType())
            return $"{path}: expected {expected.GetType().Name}, got {actual.GetType().Name}";
        if (expected is string or bool or Enum or int) return Equals(expected, actual) ? null : $"{path}: expected {expected}, got {actual}";
        if (expected is IList expectedList)
        {
            var actualList = (IList)actual;
            if (expectedList.Count != actualList.Count) return $"{path}: expected {expectedList.Count} items, got {actualList.Count}";
            for (var i = 0; i < expectedList.Count; i++)
                if (Difference(expectedList[i], actualList[i], $"{path}[{i}]") is { } d) return d;
            return null;
        }
        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (Positional.Contains(property.Name) || property.GetIndexParameters().Length > 0) continue;
            if (Difference(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}") is { } d) return d;
        }
        return null;
    }
}
