using System.Text;
using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Types;

/// <summary>
/// Prints constant values, strings and descriptions exactly as graphql-js does (<c>print</c> of a value; strings and block
/// strings through the language printer), so printed SDL and introspection <c>defaultValue</c>s
/// match byte for byte. https://spec.graphql.org/October2021/#sec-String-Value
/// </summary>
public static class SdlValuePrinter
{
    public static string Print(ValueNode value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, ValueNode value)
    {
        switch (value)
        {
            case IntValueNode i: sb.Append(i.Value); break;
            case FloatValueNode f: sb.Append(f.Value); break;
            // Defaults are re-serialized values in graphql-js, so strings never print as block strings here.
            case StringValueNode s: sb.Append(Printer.PrintString(s.Value)); break;
            case BooleanValueNode b: sb.Append(b.Value ? "true" : "false"); break;
            case NullValueNode: sb.Append("null"); break;
            case EnumValueNode e: sb.Append(e.Value); break;
            case VariableNode v: sb.Append('$').Append(v.Name.Value); break;
            case ListValueNode l:
                sb.Append('[');
                for (var k = 0; k < l.Values.Count; k++)
                {
                    if (k > 0) sb.Append(", ");
                    Write(sb, l.Values[k]);
                }
                sb.Append(']');
                break;
            case ObjectValueNode o:
                sb.Append('{');
                for (var k = 0; k < o.Fields.Count; k++)
                {
                    if (k > 0) sb.Append(", ");
                    sb.Append(o.Fields[k].Name.Value).Append(": ");
                    Write(sb, o.Fields[k].Value);
                }
                sb.Append('}');
                break;
            default: throw new NotSupportedException($"Cannot print {value.GetType().Name}.");
        }
    }

    /// <summary>
    /// Whether a block string would read back as the same value (graphql-js isPrintableAsBlockString;
    /// its list of non-printable characters stops at U+000F, and so does this one).
    /// </summary>
    public static bool IsPrintableAsBlockString(string value)
    {
        if (value.Length == 0) return true;
        bool isEmptyLine = true, hasIndent = false, hasCommonIndent = true, seenNonEmptyLine = false;
        foreach (var c in value)
        {
            switch (c)
            {
                case <= '\u0008' or '\u000b' or '\u000c' or '\u000e' or '\u000f':
                    return false;
                case '\r':
                    return false;
                case '\n':
                    if (isEmptyLine && !seenNonEmptyLine) return false;
                    seenNonEmptyLine = true;
                    isEmptyLine = true;
                    hasIndent = false;
                    break;
                case '\t' or ' ':
                    hasIndent |= isEmptyLine;
                    break;
                default:
                    hasCommonIndent &= hasIndent;
                    isEmptyLine = false;
                    break;
            }
        }
        if (isEmptyLine) return false;
        if (hasCommonIndent && seenNonEmptyLine) return false;
        return true;
    }
}
