using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Validation;

/// <summary>Type references and the relations between types that several rules need.</summary>
internal static class TypeRelations
{
    /// <summary>The schema type a type reference names, with its wrappers; null when the named type is unknown.</summary>
    public static GraphQLType? FromAst(Schema schema, TypeNode node) => node switch
    {
        NamedTypeNode n => schema.GetType(n.Name.Value),
        ListTypeNode l => FromAst(schema, l.Type) is { } inner ? new ListType(inner) : null,
        NonNullTypeNode nn => FromAst(schema, nn.Type) is { } inner ? new NonNullType(inner) : null,
        _ => null,
    };

    public static NamedType? FromAst(Schema schema, NamedTypeNode node) => schema.GetType(node.Name.Value);

    /// <summary>
    /// "IsTypeSubTypeOf": may a value of <paramref name="maybeSubType"/> be used where
    /// <paramref name="superType"/> is expected? Used by "All Variable Usages Are Allowed".
    /// https://spec.graphql.org/October2021/#AreTypesCompatible()
    /// </summary>
    public static bool IsSubTypeOf(Schema schema, GraphQLType maybeSubType, GraphQLType superType)
    {
        if (superType is NonNullType superNonNull)
            return maybeSubType is NonNullType subNonNull && IsSubTypeOf(schema, subNonNull.OfType, superNonNull.OfType);
        if (maybeSubType is NonNullType nonNull) return IsSubTypeOf(schema, nonNull.OfType, superType);
        if (superType is ListType superList)
            return maybeSubType is ListType subList && IsSubTypeOf(schema, subList.OfType, superList.OfType);
        if (maybeSubType is ListType) return false;
        var sub = (NamedType)maybeSubType;
        var super = (NamedType)superType;
        if (SameNamed(sub, super)) return true;
        return super.IsAbstractType && sub is InterfaceType or ObjectType && schema.IsSubType(super, sub);
    }

    /// <summary>
    /// Can some object be of both types? "GetPossibleTypes(fragmentType) and GetPossibleTypes(parentType)
    /// must not be empty" when intersected. https://spec.graphql.org/October2021/#sec-Fragment-spread-is-possible
    /// </summary>
    public static bool DoTypesOverlap(Schema schema, NamedType a, NamedType b)
    {
        if (SameNamed(a, b)) return true;
        if (a.IsAbstractType)
        {
            if (b.IsAbstractType) return schema.GetPossibleTypes(a).Any(t => schema.IsPossibleType(b, t));
            return schema.IsSubType(a, b);
        }
        if (b.IsAbstractType) return schema.IsSubType(b, a);
        return false;
    }

    public static bool SameNamed(NamedType a, NamedType b) => ReferenceEquals(a, b) || a.Name == b.Name;
}
