namespace CxDashboard.GraphQL.Types;

/// <summary>
/// The GraphQL type of an argument read into a record (<c>Arguments&lt;TArgs&gt;()</c>) where the CLR type does not say it,
/// e.g. <c>[GraphQLType("ID!")] string Unit</c>; in SDL syntax, resolved by name at Build().
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class GraphQLTypeAttribute(string typeReference) : Attribute
{
    public string TypeReference { get; } = typeReference;
}
