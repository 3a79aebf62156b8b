namespace CxDashboard.GraphQL.Types;

/// <summary>Schema-wide settings of <see cref="SchemaBuilder"/>.</summary>
public sealed class SchemaOptions
{
    /// <summary>The schema's description (printed above <c>schema { … }</c>, shown by introspection).</summary>
    public string? Description { get; set; }

    /// <summary>How a CLR enum member name becomes a GraphQL enum value name; SCREAMING_CASE by default.</summary>
    public Func<string, string> EnumValueNaming { get; set; } = ScreamingCase;

    /// <summary>"SelfService" → "SELF_SERVICE", "IVR" → "IVR", "Top3Box" → "TOP3_BOX".</summary>
    public static string ScreamingCase(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && name[i - 1] != '_' &&
                (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                sb.Append('_');
            sb.Append(char.ToUpperInvariant(c));
        }
        return sb.ToString();
    }
}
