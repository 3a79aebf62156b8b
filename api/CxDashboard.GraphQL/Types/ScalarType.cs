using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Types;

/// <summary>
/// A leaf value. "Scalar types represent primitive leaf values in a GraphQL type system."
/// https://spec.graphql.org/October2021/#sec-Scalars
/// Coercion failures throw <see cref="CoercionException"/> with a message fit for the client.
/// </summary>
public abstract class ScalarType(string name) : NamedType(name)
{
    public override TypeKind Kind => TypeKind.Scalar;

    /// <summary>URL of the scalar's specification (@specifiedBy); null for built-ins.</summary>
    public string? SpecifiedByUrl { get; set; }

    /// <summary>Result coercion: a resolver's CLR value to what is written into the response.</summary>
    public abstract object? Serialize(object value);

    /// <summary>
    /// Input coercion of a variable value. Raw variable values are null, bool, string, long, double,
    /// IReadOnlyList&lt;object?&gt; or IReadOnlyDictionary&lt;string, object?&gt; (JSON decoded); null
    /// is handled by the caller, so <paramref name="value"/> is never null.
    /// </summary>
    public abstract object? ParseValue(object value);

    /// <summary>Input coercion of a literal (never a variable or null: the caller handles those).</summary>
    public abstract object? ParseLiteral(ValueNode literal);
}

/// <summary>A value that cannot be coerced to a type; the message is shown to the client.</summary>
public sealed class CoercionException(string message) : Exception(message);
