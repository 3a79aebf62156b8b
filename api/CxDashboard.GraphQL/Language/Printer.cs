using System.Text;

namespace CxDashboard.GraphQL.Language;

/// <summary>Prints syntax nodes back to GraphQL text (values only so far; completed by the language work).</summary>
public static class Printer
{
    public static string Print(Node node)
    {
        var sb = new StringBuilder();
        Write(sb, node);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Node node)
    {
        switch (node)
        {
            case VariableNode v: sb.Append('$').Append(v.Name.Value); break;
            case IntValueNode i: sb.Append(i.Value); break;
            case FloatValueNode f: sb.Append(f.Value); break;
            case StringValueNode s: sb.Append(System.Text.Json.JsonSerializer.Serialize(s.Value)); break;
            case BooleanValueNode b: sb.Append(b.Value ? "true" : "false"); break;
            case NullValueNode: sb.Append("null"); break;
            case EnumValueNode e: sb.Append(e.Value); break;
            case ListValueNode l:
                sb.Append('[');
                for (var k = 0; k < l.Values.Count; k++) { if (k > 0) sb.Append(", "); Write(sb, l.Values[k]); }
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
            case NamedTypeNode n: sb.Append(n.Name.Value); break;
            case ListTypeNode lt: sb.Append('['); Write(sb, lt.Type); sb.Append(']'); break;
            case NonNullTypeNode nn: Write(sb, nn.Type); sb.Append('!'); break;
            case NameNode name: sb.Append(name.Value); break;
            default: throw new NotSupportedException($"Printing {node.GetType().Name} is not supported yet.");
        }
    }
}
